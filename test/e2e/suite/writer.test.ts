/**
 * The writer's experience in a real VS Code: Chinese in a fresh English profile, the new-report command
 * walked through its tab stops, the recompute message, a full-width fix, short hovers with the whole
 * article one click away, and table snippets in plain text that looks like a report. Waits are on
 * events or on a provider's answer, never a fixed sleep.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { code, diagnosticsWhere, folder } from './helpers';




/** Asks a provider until its answer satisfies `ok` (the server may still be starting on a new document). */
async function answerWhere<T>(ask: () => Thenable<T>, ok: (t: T) => boolean, what: string, tries = 100): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    last = await ask();
    if (ok(last)) return last;
    await new Promise<void>((resolve) => { const s = vscode.workspace.onDidChangeTextDocument(() => { s.dispose(); resolve(); }); setTimeout(() => { s.dispose(); resolve(); }, 200); });
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)?.slice(0, 300)}`);
}

const lensesOf = (uri: vscode.Uri) => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
const selected = (e: vscode.TextEditor) => e.document.getText(e.selection);
const lineOf = (e: vscode.TextEditor) => e.document.lineAt(e.selection.active.line).text;
const nextStop = () => vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');

/** Hands the screen to the launcher for a picture named `name`, and waits until it is taken. */
async function screenshot(name: string, waitFor = ''): Promise<void> {
  const dir = process.env.OGI_E2E_SHOT;
  if (!dir) return;
  const done = path.join(dir, `${name}.done`);
  await vscode.commands.executeCommand('notifications.clearAll');
  fs.writeFileSync(path.join(dir, `${name}.ready`), waitFor || '1');
  await new Promise<void>((resolve) => {
    const w = fs.watch(dir, () => { if (fs.existsSync(done)) { w.close(); resolve(); } });
    if (fs.existsSync(done)) { w.close(); resolve(); }
  });
}

describe('the writer in VS Code', function () {
  this.timeout(120_000);

  it('the new-report command opens the skeleton and Tab walks agency, year, period, sections and the first figure of each table', async () => {
    const ed = vscode.workspace.getConfiguration('editor');
    if (process.env.OGI_E2E_SHOT) {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      // For the picture: no highlight of every other 0 like the selected one, which would look like more tab stops.
      await ed.update('selectionHighlight', false, vscode.ConfigurationTarget.Workspace);
      await ed.update('occurrencesHighlight', 'off', vscode.ConfigurationTarget.Workspace);
    }
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('ogiReport.newReport', { agency: '松林乡人民政府', year: 2025, layout: 'tab' });
    assert.ok(editor, 'an editor');
    assert.equal(editor.document.languageId, 'ogi-report');
    assert.ok(editor.document.isUntitled);
    assert.equal(selected(editor), '松林乡人民政府');
    assert.equal(editor.selection.active.line, 0);
    await nextStop();
    assert.equal(selected(editor), '2025');
    await vscode.commands.executeCommand('type', { text: '2024' });
    await nextStop();
    assert.equal(selected(editor), '2024年1月1日至2024年12月31日', 'the period follows the year typed');
    assert.match(editor.document.lineAt(0).text, /^松林乡人民政府2024年政府信息公开工作年度报告$/);
    await nextStop();
    assert.match(selected(editor), /^（概述本年度/);
    await nextStop();
    assert.equal(selected(editor), '0');
    assert.match(lineOf(editor), /^规章\t/);
    await nextStop();
    assert.equal(selected(editor), '0');
    assert.match(lineOf(editor), /^一、本年新收政府信息公开申请数量\t/);
    const t3Stop = editor.selection;
    if (process.env.OGI_E2E_SHOT) {
      // The README picture: the report from its title down to table 三, its first figure selected, and the lenses' ticks.
      editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
      await answerWhere(() => lensesOf(editor.document.uri), (l) => l?.length === 3 && l.every((x) => /✓/.test(x.command?.title ?? '')), 'ticks');
      await screenshot('new-report', '.contentWidgets .codelens-decoration, .codelens-decoration');
      await ed.update('selectionHighlight', undefined, vscode.ConfigurationTarget.Workspace);
      await ed.update('occurrencesHighlight', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await nextStop();
    assert.equal(selected(editor), '0');
    assert.match(lineOf(editor), /^0\t0\t0/, 'table 四 figures');
    await nextStop();
    assert.match(selected(editor), /存在的主要问题/);
    await nextStop();
    assert.match(selected(editor), /其他需要报告的事项/);

    // A fresh skeleton: every table has its tick, and the three placeholder sections are unfilled errors.
    const uri = editor.document.uri;
    const lenses = await answerWhere(() => lensesOf(uri), (l) => l?.length === 3, 'three lenses');
    assert.deepEqual(lenses.map((l) => /✓/.test(l.command?.title ?? '')), [true, true, true], lenses.map((l) => l.command?.title).join(' | '));
    const fresh = await diagnosticsWhere(uri, (x) => x.length === 3, 'the placeholder errors');
    assert.deepEqual(fresh.map(code), ['empty-section', 'empty-section', 'empty-section']);

    // The writer types a figure: only the arithmetic it breaks is reported, in Chinese.
    await editor.edit((e) => e.replace(t3Stop, '5'));
    const ds = await diagnosticsWhere(uri, (x) => x.some((d) => code(d) === 'row-total'), 'row-total after typing');
    assert.deepEqual([...new Set(ds.map(code))].sort(), ['empty-section', 'row-total'], 'one wrong figure, one finding (beside the unfilled sections)');
  });

  it('recompute says what it changed, and that nothing needed changing the second time', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('ogiReport.newReport', { agency: '某县民政局', year: 2023, layout: 'pipe' });
    const doc = editor.document;
    const text = doc.getText().replace('| 一、本年新收政府信息公开申请数量 | 0 | 0 |', '| 一、本年新收政府信息公开申请数量 | 3 | 1 |')
      .replace('| （一）予以公开 | 0 | 0 |', '| （一）予以公开 | 3 | 1 |');
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, doc.lineCount, 0), text));
    await diagnosticsWhere(doc.uri, (x) => x.filter((d) => code(d) === 'row-total' || code(d) === 'column-total').length >= 3, 'wrong totals');
    const lenses = await answerWhere(() => lensesOf(doc.uri), (l) => l?.some((x) => x.command?.command === 'ogiReport.recomputeTotals'), 'a recompute lens');
    const lens = lenses.find((x) => x.command?.command === 'ogiReport.recomputeTotals')!;
    assert.match(lens.command!.title, /^表三 收到和处理申请：✗ \d+ 处不平衡 — 重新计算合计$/);
    const first = await vscode.commands.executeCommand<{ changed: number; message: string }>(lens.command!.command, ...(lens.command!.arguments ?? []));
    assert.equal(first.message, '已重新计算 5 处合计');
    assert.match(doc.getText(), /\| 一、本年新收政府信息公开申请数量 \| 3 \| 1 \| 0 \| 0 \| 0 \| 0 \| 4 \|/);
    assert.match(doc.getText(), /\| （七）总计 \| 3 \| 1 \| 0 \| 0 \| 0 \| 0 \| 4 \|/);
    await diagnosticsWhere(doc.uri, (x) => !x.some((d) => ['row-total', 'column-total', 'balance'].includes(code(d))), 'totals right');
    const second = await vscode.commands.executeCommand<{ changed: number; message: string }>('ogiReport.recomputeTotals');
    assert.equal(second.message, '所有合计都正确，无需重新计算');
  });

  it('the total fix writes full-width digits into a full-width row, and names the rule in Chinese', async () => {
    const text = fs.readFileSync(path.join(folder().fsPath, 'seventh.ogi'), 'utf8').replace(/^(.*1\.本机关不掌握相关政府信息)((?:\t\d+)+)$/m,
      (_m, label: string, figs: string) => label + figs.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/[０-９]+$/, (n) => n + '１'));
    const doc = await vscode.workspace.openTextDocument({ language: 'ogi-report', content: text });
    await vscode.window.showTextDocument(doc);
    const ds = await diagnosticsWhere(doc.uri, (x) => x.some((d) => code(d) === 'row-total' && /[０-９]/.test(doc.getText(d.range))), 'row-total on the full-width row');
    const d = ds.find((x) => code(x) === 'row-total' && /[０-９]/.test(doc.getText(x.range)))!;
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value, 100)) ?? [];
    for (const a of actions) assert.doesNotMatch(a.title, /row-total|column-total|balance/, a.title);
    assert.ok(actions.some((a) => /^在下一行不检查“合计”/.test(a.title)));
    const fix = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(fix?.edit, 'a preferred fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(d.range), /^[０-９]+$/, `full-width: ${doc.getText(d.range)}`);
  });

  it('a statute hover is short, and its link opens the whole article', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'balanced.ogi'));
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf('第二十条第（五）项') + 2);
    const hovers = await answerWhere(() => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at), (h) => h?.length > 0, 'a hover');
    const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(md, /（五）办理行政许可/);
    assert.doesNotMatch(md, /（一）行政法规/);
    const link = /\(command:(ogiReport\.showArticle)\?([^ )]+)/.exec(md);
    assert.ok(link, 'a command link to the whole article');
    await vscode.commands.executeCommand(link[1], ...JSON.parse(decodeURIComponent(link[2])));
    const view = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'ogi-statute');
    assert.ok(view, 'the article opens beside the report');
    assert.match(view.document.getText(), /（十五）/);
    assert.doesNotMatch(view.document.getText(), /\([一二三四五六七八九十]+\)/, 'items in full-width brackets');
  });

  it('table snippets appear in plain text and Markdown that look like a report, and nowhere else', async () => {
    const labels = async (doc: vscode.TextDocument) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(doc.getText().length));
      return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '三、收到和处理政府信息公开申请情况\n\n表三' });
    assert.equal(plain.languageId, 'plaintext');
    const got = await labels(plain);
    for (const p of ['表二（2021版）', '表三（2021版）', '表三（2019版）', '表四']) assert.ok(got.includes(p), `${p} in ${got.join(', ')}`);
    assert.equal(got.filter((l) => l === '表三（2021版）').length, 1, 'one entry each');
    const md = await vscode.workspace.openTextDocument({ language: 'markdown', content: '## 三、收到和处理政府信息公开申请情况\n\n表三' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', md.uri, md.positionAt(md.getText().length));
    const t3 = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '表三（2021版）');
    assert.ok(t3);
    const body = t3.insertText instanceof vscode.SnippetString ? t3.insertText.value : String(t3.insertText);
    assert.match(body, /^\| （本列数据的勾稽关系为/, 'a Markdown table in a Markdown document');
    assert.match(body, /\n\|---\|/);
    const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '购物清单\n表三' });
    assert.deepEqual((await labels(other)).filter((l) => /^表[二三四]/.test(l)), []);
  });

  it('a fresh profile with an English display language sees Chinese diagnostics', async () => {
    assert.match(vscode.env.language, /^en/, 'the display language is English');
    const setting = vscode.workspace.getConfiguration('ogiReport').inspect<string>('locale');
    assert.equal(setting?.globalValue, undefined, 'no user setting');
    assert.equal(setting?.workspaceValue, undefined, 'no workspace setting');
    assert.equal(setting?.defaultValue, 'auto');
    // seventh2.ogi: a report file the other suite never fixes.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'seventh2.ogi'));
    await vscode.window.showTextDocument(doc);
    const ds = await diagnosticsWhere(doc.uri, (x) => x.some((d) => code(d) === 'row-total'), 'row-total');
    for (const d of ds) assert.match(d.message, /[\u4e00-\u9fff]/, `Chinese: ${d.message}`);
    assert.match(ds.find((d) => code(d) === 'row-total')!.message, /应为 121/);
  });
});
