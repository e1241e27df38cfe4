/**
 * Prose read beyond single table figures, in a real VS Code: a whole whose listed parts do not add up is
 * squiggled on its figure with the sum in the message, and hovering the figure shows the parts and their sum.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { code, diagnosticsWhere } from './helpers';

const EXT_ID = 'ogi-report.ogi-report';
// Another body than the other e2e reports (清河镇), so that they are not compared with this one.
const rename = (t: string) => t.replace(/清河镇/g, '清泉镇');

describe('breakdowns in the prose', function () {
  this.timeout(90_000);
  const dir = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'prose');
  const name = '清泉镇2023年政府信息公开工作年度报告.txt';

  before(async () => {
    const ext = vscode.extensions.getExtension(EXT_ID)!;
    await ext.activate();
    const text = rename(fs.readFileSync(path.join(ext.extensionPath, 'test', 'fixtures', 'rules', 'breakdown-sum', 'invalid-breakdown-markdown.txt'), 'utf8'));
    await vscode.workspace.fs.createDirectory(dir());
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), name), Buffer.from(text));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(dir(), { recursive: true });
  });

  it('squiggles the whole with the sum of its parts, and the hover lists the parts', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir(), name));
    await vscode.window.showTextDocument(doc);
    const ds = await diagnosticsWhere(doc.uri, (d) => d.filter((x) => code(x) === 'breakdown-sum').length === 2, 'two breakdown-sum findings');
    const short = ds.find((x) => code(x) === 'breakdown-sum' && doc.getText(x.range) === '400')!;
    assert.ok(short, 'the finding covers the whole, 400');
    assert.match(short.message, /150 \+ 120 \+ 100 = 370条，少30条/);
    assert.equal(short.severity, vscode.DiagnosticSeverity.Warning);
    const closed = ds.find((x) => code(x) === 'breakdown-sum' && doc.getText(x.range) === '52')!;
    assert.equal(closed.severity, vscode.DiagnosticSeverity.Error, 'a list that names its rest (其他类) must add up');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, short.range.start.translate(0, 1));
    const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(md, /主动公开150条/);
    assert.match(md, /150 \+ 120 \+ 100 = 370/);
    assert.match(md, /✗ 不一致/);
  });
});
