/**
 * The extension in a real VS Code: activation, diagnostics, quick fixes, insert-section, hover,
 * completion, symbols, code lens, recompute, settings, auto-detection and fix-all on save. Every
 * wait is on an event (diagnostics changed, document changed), never a fixed sleep.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { code, diagnosticsWhere, folder } from './helpers';

const EXT_ID = 'ogi-report.ogi-report';

const file = (name: string) => vscode.Uri.joinPath(folder(), name);

async function openReport(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(file(name));
  return vscode.window.showTextDocument(doc);
}

/** Resolves when the diagnostics of `uri` satisfy `ok`, checking now and on every change. */
const hasCode = (c: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => code(d) === c);
const lacksCode = (c: string) => (ds: vscode.Diagnostic[]) => ds.length > 0 && !ds.some((d) => code(d) === c);

/** Resolves when the document's text satisfies `ok`. */
function documentWhere(doc: vscode.TextDocument, ok: (t: string) => boolean, what: string, ms = 30_000): Promise<void> {
  if (ok(doc.getText())) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && ok(doc.getText())) { sub.dispose(); clearTimeout(t); resolve(); }
    });
    const t = setTimeout(() => { sub.dispose(); reject(new Error(`timed out waiting for ${what}`)); }, ms);
  });
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // Resolve them all: the server computes an edit only when the action is resolved.
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value, 100)) ?? [];
}

function positionOf(doc: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `"${needle}" is in the document`);
  return doc.positionAt(i + delta);
}

describe('ogi-report in VS Code', function () {
  this.timeout(90_000);

  it('activates on the report language', async () => {
    const editor = await openReport('清河镇2023年政府信息公开工作年度报告.txt');
    assert.equal(editor.document.languageId, 'ogi-report');
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, 'extension is installed');
    await ext.activate();
    assert.ok(ext.isActive);
  });

  it('shows diagnostics with their rule ids and Chinese messages', async () => {
    const editor = await openReport('seventh.ogi');
    const ds = await diagnosticsWhere(editor.document.uri, hasCode('row-total'), 'row-total');
    assert.deepEqual([...new Set(ds.map(code))].sort(), ['row-total']);
    const d = ds.find((x) => code(x) === 'row-total')!;
    assert.match(d.message, /表三“（七）总计·自然人”应为 121/);
    assert.equal(editor.document.getText(d.range), '122');
    assert.equal(d.source, 'ogi-report');
  });

  it('the recompute-total quick fix sets the right number and the diagnostic goes away', async () => {
    const editor = await openReport('seventh.ogi');
    const doc = editor.document;
    const ds = await diagnosticsWhere(doc.uri, hasCode('row-total'), 'row-total');
    const d = ds.find((x) => code(x) === 'row-total')!;
    const fix = (await quickFixes(doc.uri, d.range)).find((a) => a.isPreferred);
    assert.ok(fix?.edit, 'a preferred quick fix');
    assert.equal(fix.title, '重新计算总计：121');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.getText(d.range), '121');
    await diagnosticsWhere(doc.uri, (x) => !x.some((y) => ['column-total', 'row-total', 'balance'].includes(code(y))), 'total diagnostics to clear');
  });

  it('inserts a missing section with its table skeleton', async () => {
    const editor = await openReport('missing.ogi');
    const doc = editor.document;
    const ds = await diagnosticsWhere(doc.uri, hasCode('missing-section'), 'missing-section');
    const d = ds.find((x) => code(x) === 'missing-section')!;
    const fix = (await quickFixes(doc.uri, d.range)).find((a) => /插入缺失的章节/.test(a.title));
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /## 四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\t/);
    await diagnosticsWhere(doc.uri, lacksCode('missing-section'), 'missing-section to clear');
  });

  it('hover on a statute reference shows the clause text', async () => {
    const editor = await openReport('balanced.ogi');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, '第二十条第（五）项', 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果/);
  });

  it('completion offers the section headings', async () => {
    const editor = await openReport('balanced.ogi');
    const doc = editor.document;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(doc.lineCount - 1, 0));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const h of ['一、总体情况', '三、收到和处理政府信息公开申请情况', '六、其他需要报告的事项']) assert.ok(labels.includes(h), h);
  });

  it('document symbols list the six sections and each table with its status', async () => {
    const editor = await openReport('balanced.ogi');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.equal(symbols.length, 6);
    assert.equal(symbols[0].name, '一、总体情况');
    assert.equal(symbols[2].children[0].detail, '✓ 勾稽平衡');
  });

  it('shows a code lens above each table', async () => {
    const editor = await openReport('balanced.ogi');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10);
    assert.equal(lenses.length, 3);
    assert.ok(lenses.some((l) => /表三 收到和处理申请：✓ 勾稽平衡/.test(l.command?.title ?? '')));
  });

  it('the command 重新计算全部合计 recomputes every total and nothing else', async () => {
    const editor = await openReport('totals.ogi');
    const doc = editor.document;
    const before = doc.getText();
    await diagnosticsWhere(doc.uri, hasCode('review-total'), 'review-total');
    await vscode.commands.executeCommand('ogiReport.recomputeTotals');
    await documentWhere(doc, (t) => t !== before, 'the recompute edit');
    assert.equal(doc.getText(), before.replace('2\t1\t0\t1\t0\t1\t0\t0\t1\t2', '2\t1\t0\t1\t4\t1\t0\t0\t1\t2'));
    await diagnosticsWhere(doc.uri, (x) => !x.some((y) => code(y) === 'review-total'), 'review-total to clear');
  });

  it('fix-all on save fixes wording and leaves figures alone', async () => {
    const editor = await openReport('save.ogi');
    const doc = editor.document;
    await diagnosticsWhere(doc.uri, (x) => hasCode('official-wording')(x) && hasCode('row-total')(x), 'wording and total problems');
    const wrongTotal = doc.getText().match(/1\.本机关不掌握相关政府信息\t28\t2\t0\t0\t1\t1\t33/);
    assert.ok(wrongTotal, 'the wrong total is there before saving');
    await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount - 1, 0), '\n'));
    const saved = new Promise<void>((resolve) => { const s = vscode.workspace.onDidSaveTextDocument((d) => { if (d === doc) { s.dispose(); resolve(); } }); });
    await doc.save();
    await saved;
    assert.match(doc.getText(), /2\.其他法律行政法规禁止公开/);
    assert.match(doc.getText(), /1\.本机关不掌握相关政府信息\t28\t2\t0\t0\t1\t1\t33/, 'the figure is unchanged');
    await diagnosticsWhere(doc.uri, (x) => hasCode('row-total')(x) && !hasCode('official-wording')(x), 'wording fixed, total still reported');
  });

  it('settings take effect without a reload', async () => {
    const editor = await openReport('seventh2.ogi');
    const uri = editor.document.uri;
    await diagnosticsWhere(uri, (x) => x.some((d) => code(d) === 'row-total' && d.severity === vscode.DiagnosticSeverity.Error), 'row-total');
    const config = vscode.workspace.getConfiguration('ogiReport');
    await config.update('rules', { 'row-total': 'warning' }, vscode.ConfigurationTarget.Workspace);
    try {
      await diagnosticsWhere(uri, (x) => x.some((d) => code(d) === 'row-total' && d.severity === vscode.DiagnosticSeverity.Warning), 'row-total a warning');
      await config.update('rules', { 'row-total': 'off' }, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhere(uri, (x) => !x.some((d) => code(d) === 'row-total'), 'row-total off');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('switches a report pasted into an untitled editor to the report language', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    const switched = new Promise<vscode.TextDocument>((resolve, reject) => {
      const s = vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.toString() === doc.uri.toString() && d.languageId === 'ogi-report') { s.dispose(); clearTimeout(t); resolve(d); }
      });
      const t = setTimeout(() => { s.dispose(); reject(new Error('language did not switch')); }, 30_000);
    });
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), fs.readFileSync(path.join(folder().fsPath, 'seventh2.ogi'), 'utf8')));
    const report = await switched;
    await diagnosticsWhere(report.uri, hasCode('row-total'), 'diagnostics on the pasted report');
  });

  it('shows a report with squiggles and a hover for the README screenshot', async function () {
    const dir = process.env.OGI_E2E_SHOT;
    if (!dir) this.skip();
    const editor = await openReport('seventh2.ogi');
    await diagnosticsWhere(editor.document.uri, hasCode('row-total'), 'row-total');
    const pos = positionOf(editor.document, '（七）总计\t122', 6);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos.translate(-14), pos.translate(8)), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('notifications.clearAll'); // the recompute message of an earlier test
    await vscode.commands.executeCommand('editor.action.showHover');
    // Hand over to the launcher, which takes the picture and answers with a file.
    fs.writeFileSync(path.join(dir!, 'ready'), '1');
    await new Promise<void>((resolve) => {
      const w = fs.watch(dir!, () => { if (fs.existsSync(path.join(dir!, 'done'))) { w.close(); resolve(); } });
      if (fs.existsSync(path.join(dir!, 'done'))) { w.close(); resolve(); }
    });
  });
});
