/**
 * The editor tells the truth, in a real VS Code: the code lens counts the rows and cells the findings
 * count, an untouched new report is not ✓, 「对比上年报告」 is found and speaks Chinese, and a GBK report
 * under any name is offered its encoding and keeps no squiggles from the workspace check while it shows
 * as mojibake. What the extension host cannot see (the status bar, the palette) is asked of the browser
 * through the launcher's driver. Waits are on events or conditions, never a fixed sleep.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { encodeText } from '../../../server/src/sources/decode';
import { code, diagnosticsWhere, drive, eventually, folder } from './helpers';

const EXT_ID = 'ogi-report.ogi-report';

// Request numbers of their own: other suite files' answers (res-0001.json …) stay in the driver's folder.

/** Hands the screen to the launcher for a picture named `name` (only with --screenshot), and waits until it is taken. */
async function screenshot(name: string, waitFor: string): Promise<void> {
  const dir = process.env.OGI_E2E_SHOT;
  if (!dir) return;
  const done = path.join(dir, `${name}.done`);
  await vscode.commands.executeCommand('notifications.clearAll');
  fs.writeFileSync(path.join(dir, `${name}.ready`), waitFor);
  await new Promise<void>((resolve) => {
    const w = fs.watch(dir, () => { if (fs.existsSync(done)) { w.close(); resolve(); } });
    if (fs.existsSync(done)) { w.close(); resolve(); }
  });
}

const lensesOf = (uri: vscode.Uri) => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
const statusItems = () => drive<{ items: string[] }>({ action: 'statusbar' });

describe('the editor tells the truth', function () {
  this.timeout(120_000);
  let extPath = '';
  const created: vscode.Uri[] = [];
  const write = (name: string, bytes: Uint8Array) => {
    const uri = vscode.Uri.joinPath(folder(), name);
    fs.writeFileSync(uri.fsPath, bytes);
    created.push(uri);
    return uri;
  };

  before(async () => {
    const ext = vscode.extensions.getExtension(EXT_ID)!;
    await ext.activate();
    extPath = ext.extensionPath;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) fs.rmSync(uri.fsPath, { force: true });
  });

  it('the lens above 表三 counts the 8 unreadable rows and 90 blank cells its findings list, and the status bar counts the findings', async () => {
    const text = fs.readFileSync(path.join(extPath, 'test', 'fixtures', 'reports', '004_e325a6a5591f9c6b.txt'), 'utf8');
    const uri = write('truth-004.ogi', Buffer.from(text));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    const ds = await diagnosticsWhere(uri, (d) => d.some((x) => code(x) === 'blank-cell') && d.some((x) => code(x) === 'table-shape'), 'the findings of seed 004');
    assert.match(ds.find((x) => code(x) === 'blank-cell')!.message, /90 个空白单元格/);
    assert.ok(ds.some((x) => code(x) === 'table-shape' && /8 行的数字与列对不上/.test(x.message)));
    const lenses = await eventually(async () => lensesOf(uri), (l) => !!l?.some((x) => /^表三/.test(x.command?.title ?? '')), 'the lens of 表三');
    const t3 = lenses.find((x) => /^表三/.test(x.command?.title ?? ''))!;
    assert.match(t3.command!.title, /^表三 收到和处理申请：8 行无法读取，90 个空白单元格/);
    // The hover of the blank-cell finding lists five cells and counts the rest.
    const blank = ds.find((x) => code(x) === 'blank-cell')!;
    assert.equal(blank.relatedInformation?.length, 6);
    assert.match(blank.relatedInformation![5].message, /另有 85 处未列出/);

    const errors = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const bar = await eventually(statusItems, (r) => r.items.some((t) => t.includes(`年报：${errors} 错误 · ${warnings} 警告`)), 'the status bar counting the findings');
    assert.ok(!bar.items.some((t) => t.includes('年报：✓')));
    // Its tooltip gives each table's state in the lens's words: the same two counts.
    const status = vscode.extensions.getExtension<{ status: vscode.StatusBarItem }>(EXT_ID)!.exports.status;
    await eventually(async () => String(status.tooltip ?? ''), (t) => t.includes('表三 收到和处理申请：8 行无法读取，90 个空白单元格'), 'the table counts in the status tooltip');

    editor.revealRange(new vscode.Range(t3.range.start.line, 0, t3.range.start.line, 0), vscode.TextEditorRevealType.AtTop);
    editor.selection = new vscode.Selection(t3.range.start.line + 1, 0, t3.range.start.line + 1, 0);
    await screenshot('truth-lens', '.codelens-decoration');
  });

  it('an untouched new report is not ✓: its placeholder sections are errors, in the status bar too', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('ogiReport.newReport', { agency: '松林乡人民政府', year: 2025, layout: 'tab' });
    const uri = editor.document.uri;
    const ds = await diagnosticsWhere(uri, (d) => d.filter((x) => code(x) === 'empty-section').length === 3, 'the three unfilled sections');
    assert.ok(ds.every((d) => d.severity === vscode.DiagnosticSeverity.Error && /仍是模板占位文字/.test(d.message)));
    const bar = await eventually(statusItems, (r) => r.items.some((t) => t.includes('年报：3 错误')), 'the status bar with 3 errors');
    assert.ok(!bar.items.some((t) => t.includes('年报：✓')), bar.items.join(' | '));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('「对比上年报告」 is found by typing 对比 in the palette, and speaks Chinese', async () => {
    const uri = write('truth-compare.ogi', fs.readFileSync(path.join(extPath, 'test', 'fixtures', 'reports', '001_b4cf58a1ae5d2f01.txt')));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    await diagnosticsWhere(uri, () => true, 'the report open');
    await vscode.commands.executeCommand('workbench.action.quickOpen', '>对比');
    try {
      const pick = await eventually(() => drive<{ items: string[] }>({ action: 'quickpick' }), (r) => r.items.some((t) => t.includes('对比上年报告')), 'the command under 对比');
      assert.ok(pick.items.some((t) => t.includes('对比上年报告')));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
    const r = await vscode.commands.executeCommand<{ previous: string | null; message?: string }>('ogiReport.compareWithLastYear');
    assert.equal(r.previous, null, 'no report of last year in this workspace');
    assert.match(r.message ?? '', /^工作区中没有找到本单位上一年度的报告/);
  });

  it('a GBK report named like any text file: the reopen offer, and no workspace squiggles on its mojibake', async () => {
    const ext = vscode.extensions.getExtension<{ encoding: { check(d: vscode.TextDocument, answer?: boolean): Promise<string> } }>(EXT_ID)!;
    const report = fs.readFileSync(path.join(extPath, 'test', 'fixtures', 'reports', '003_61f4a806a08c13ab.txt'), 'utf8');
    const gbk = new Uint8Array(encodeText(report, 'gb18030', false)); // as a Chinese Windows tool saves it
    const uri = write('truth-notes.txt', gbk);
    // The workspace check reads the bytes as GB18030 and finds the report: it has diagnostics before it is opened.
    const summary = await vscode.commands.executeCommand<{ files: number }>('ogiReport.checkWorkspace');
    await diagnosticsWhere(uri, (d) => d.length > 0, `workspace diagnostics of the GBK file (check: ${JSON.stringify(summary)})`);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    assert.equal(doc.languageId, 'plaintext');
    assert.ok(doc.getText().includes('\ufffd'), 'shown as mojibake');
    await diagnosticsWhere(uri, (d) => d.length === 0, 'the stale workspace diagnostics gone once it is opened');
    assert.equal(await ext.exports.encoding.check(doc), 'offered');
    // The user takes the offer: the file is reopened as GB18030 and becomes a report with its findings.
    const reopened = ext.exports.encoding.check(doc, true);
    const seen = await eventually(async () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()),
      (d) => !!d && d.getText().includes('政府信息公开'), 'the text decoded as GB18030', 15_000).catch(() => null);
    await reopened;
    if (!seen) {
      // A VS Code without the encoding API shows its own encoding picker instead.
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return;
    }
    await diagnosticsWhere(uri, (d) => d.some((x) => code(x) === 'table-shape'), 'the findings of the reopened report');
    assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId, 'ogi-report');
  });
});
