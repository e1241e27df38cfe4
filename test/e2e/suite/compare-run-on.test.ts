/**
 * 「对比上年报告」 on run-on text in a real VS Code: a crawler's page puts the whole body on one line,
 * so the headings share a line. With the cursor in section 三 of that line, last year's page opens
 * beside it at its section 三 (line and character of the document as it is).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { code, diagnosticsWhere } from './helpers';

const EXT_ID = 'ogi-report.ogi-report';
// Another body than the other e2e reports, so that they are not compared with these.
const rename = (t: string) => t.replace(/清河镇/g, '清泉镇');
const THREE = '三、收到和处理政府信息公开申请情况';

describe('对比上年报告 on run-on text (the body on one line)', function () {
  this.timeout(120_000);
  const root = () => vscode.workspace.workspaceFolders![0].uri;
  const dir = () => vscode.Uri.joinPath(root(), 'compare-run-on');
  const lastName = '清泉镇2022年政府信息公开工作年度报告.txt';
  const nowName = '清泉镇2023年政府信息公开工作年度报告.txt';

  before(async () => {
    const ext = vscode.extensions.getExtension(EXT_ID)!;
    await ext.activate();
    const now = rename(fs.readFileSync(path.join(ext.extensionPath, 'test', 'fixtures', 'layouts', 'run-on-glued.txt'), 'utf8'));
    const last = now.replace(/2024/g, '2023x').replace(/2023(?!x)/g, '2022').replace(/2023x/g, '2023');
    await vscode.workspace.fs.createDirectory(dir());
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), lastName), Buffer.from(last));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), nowName), Buffer.from(now));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(dir(), { recursive: true });
  });

  it('opens last year\'s page at the section the cursor is in, on the shared line', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir(), nowName));
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    // Last year's page was read from the folder: its copied text is reported.
    await diagnosticsWhere(doc.uri, (d) => d.some((x) => code(x) === 'copied-text'), 'copied-text', 60_000);
    const line = doc.getText().split('\n').findIndex((l) => l.includes(THREE));
    assert.ok(line >= 0);
    const at = doc.lineAt(line).text.indexOf(THREE) + 4;
    editor.selection = new vscode.Selection(line, at, line, at);
    const r = await vscode.commands.executeCommand<{ previous: string | null; previousLine: number | null; previousCharacter?: number | null; section?: number | null }>('ogiReport.compareWithLastYear');
    assert.ok(r.previous, 'last year\'s page was found');
    assert.equal(r.section, 3, 'the section the cursor is in');
    const beside = vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith(encodeURIComponent(lastName)) || e.document.uri.path.endsWith(lastName));
    assert.ok(beside, 'last year\'s page is visible');
    const pos = beside.selection.active;
    assert.equal(pos.line, r.previousLine);
    assert.ok(beside.document.lineAt(pos.line).text.slice(pos.character).startsWith(THREE), `opened at ${pos.line + 1}:${pos.character + 1}`);
  });
});
