/**
 * The supervisors' ledger in a real VS Code: `ogi-report.review.json` beside a report makes the
 * finding it dismisses a hint that carries the reason, instead of an error in the Problems panel.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { analyze } from '../../../server/src/service/analyze';
import { fingerprintAll } from '../../../server/src/service/fingerprint';
import { code, diagnosticsWhere } from './helpers';

const EXT_ID = 'ogi-report.ogi-report';
const REASON = '表三按上级统一模板填报，经核实无误';

describe('审核记录 (ogi-report.review.json)', function () {
  this.timeout(120_000);
  const dir = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'review');
  const name = '洪泽区2024年政府信息公开工作年度报告.txt';

  before(async () => {
    const ext = vscode.extensions.getExtension(EXT_ID)!;
    await ext.activate();
    const text = fs.readFileSync(path.join(ext.extensionPath, 'test', 'fixtures', 'corpus', 'hongze_2024.txt'), 'utf8');
    const a = analyze(text);
    const i = a.diagnostics.findIndex((d) => d.code === 'format-version');
    assert.ok(i >= 0, 'the report has a format-version error');
    const fingerprint = fingerprintAll(a, a.diagnostics)[i].fingerprint;
    await vscode.workspace.fs.createDirectory(dir());
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), 'ogi-report.review.json'), Buffer.from(JSON.stringify({
      version: 'ogiReport/v1', entries: [{ fingerprint, rule: 'format-version', file: name, status: 'dismissed', reason: REASON, reviewer: '张三' }],
    })));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), name), Buffer.from(text));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(dir(), { recursive: true });
  });

  it('shows the dismissed finding as a hint with its reason', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir(), name));
    await vscode.window.showTextDocument(doc);
    const ds = await diagnosticsWhere(doc.uri, (d) => d.some((x) => code(x) === 'format-version'), 'format-version', 60_000);
    const d = ds.find((x) => code(x) === 'format-version')!;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Hint);
    assert.ok(d.message.endsWith(`（已驳回：${REASON}，张三）`), d.message);
    assert.ok(!ds.some((x) => x.severity === vscode.DiagnosticSeverity.Error), 'no error left in the Problems panel for it');
  });
});
