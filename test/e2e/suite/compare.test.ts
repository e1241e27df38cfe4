/**
 * Across reports in a real VS Code: with last year's report in the workspace, this year's copied
 * section is reported (the server read last year's file from the folder), and 「对比上年报告」 opens
 * last year's report beside this one at the same section with the copied passages marked.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { code, diagnosticsWhere } from './helpers';

const EXT_ID = 'ogi-report.ogi-report';
// Another body than the other e2e reports (清河镇), so that they are not compared with these.
const rename = (t: string) => t.replace(/清河镇/g, '清溪乡');

/** Last year's file is read from the folder first: more time than the shared default. */
const waitFor = (uri: vscode.Uri, ok: (d: vscode.Diagnostic[]) => boolean, what: string) => diagnosticsWhere(uri, ok, what, 60_000);

describe('对比上年报告 (reports across the workspace)', function () {
  this.timeout(120_000);
  const root = () => vscode.workspace.workspaceFolders![0].uri;
  const dir = () => vscode.Uri.joinPath(root(), 'compare');
  const lastName = '清溪乡2022年政府信息公开工作年度报告.txt';
  const nowName = '清溪乡2023年政府信息公开工作年度报告.txt';

  before(async () => {
    const ext = vscode.extensions.getExtension(EXT_ID)!;
    await ext.activate();
    const fx = (p: string) => rename(fs.readFileSync(path.join(ext.extensionPath, 'test', 'fixtures', 'rules', 'copied-text', p), 'utf8'));
    await vscode.workspace.fs.createDirectory(dir());
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), lastName), Buffer.from(fx('invalid-copied/清河镇2022年报告.txt')));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), nowName), Buffer.from(fx('invalid-copied.txt')));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(dir(), { recursive: true });
  });

  it('reports the copied section, naming last year\'s file read from the folder', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir(), nowName));
    await vscode.window.showTextDocument(doc);
    const ds = await waitFor(doc.uri, (d) => d.some((x) => code(x) === 'copied-text'), 'copied-text');
    const d = ds.find((x) => code(x) === 'copied-text')!;
    assert.match(d.message, new RegExp(`与上年报告 ${lastName.replace('.', '\\.')} 相同，超过 50%`));
    assert.ok(d.relatedInformation?.some((r) => r.location.uri.path.endsWith(lastName)), 'related information points into last year\'s file');
  });

  it('opens last year\'s report beside this one at the same section, with the copied passages marked', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir(), nowName));
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const line = doc.getText().split('\n').findIndex((l) => l.includes('一、总体情况')) + 2;
    editor.selection = new vscode.Selection(line, 0, line, 0);
    const r = await vscode.commands.executeCommand<{ previous: string | null; passages: number; previousLine: number | null }>('ogiReport.compareWithLastYear');
    assert.ok(r.previous?.endsWith(encodeURIComponent(lastName)) || r.previous?.endsWith(lastName), `previous: ${r.previous}`);
    assert.ok(r.passages >= 2, `passages: ${r.passages}`);
    const beside = vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith(lastName));
    assert.ok(beside, 'last year\'s report is visible');
    assert.notEqual(beside.viewColumn, editor.viewColumn, 'beside, not instead');
    assert.match(beside.document.lineAt(r.previousLine!).text, /一、总体情况/);
  });
});
