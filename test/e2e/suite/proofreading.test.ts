/**
 * Proofreading in a real VS Code: a look-alike slip is underlined with its Chinese message, its quick fix
 * writes the right form and the diagnostic goes away; a configuration file's dictionary beside a report
 * silences an allowed word and adds a pair. Every wait is on an event.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { code, diagnosticsWhere, folder } from './helpers';

/** The look-alike fixture, with 财政全融局 (a pair only the dictionary knows). */
function report(): string {
  const ext = vscode.extensions.getExtension('ogi-report.ogi-report');
  assert.ok(ext, 'extension is installed');
  return fs.readFileSync(path.join(ext.extensionPath, 'test', 'fixtures', 'rules', 'look-alike', 'invalid-look-alike.txt'), 'utf8')
    .replace('清河镇认真', '清河镇财政全融局认真');
}

async function open(relative: string, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(folder(), relative);
  fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
  fs.writeFileSync(uri.fsPath, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

const slips = (ds: vscode.Diagnostic[], doc: vscode.TextDocument) => ds.filter((d) => code(d) === 'look-alike').map((d) => doc.getText(d.range));

describe('proofreading in VS Code', function () {
  this.timeout(90_000);

  it('underlines a look-alike slip; its quick fix writes the right form', async () => {
    const doc = await open('proof/look-alike.ogi', report());
    const ds = await diagnosticsWhere(doc.uri, (x) => slips(x, doc).includes('己经'), 'look-alike 己经');
    const d = ds.find((x) => code(x) === 'look-alike' && doc.getText(x.range) === '己经')!;
    assert.equal(d.message, '“己经”应为“已经”');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value, 100)) ?? [];
    const fix = actions.find((a) => a.title === '改为“已经”');
    assert.ok(fix?.edit, `a quick fix 改为“已经” among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(doc.getText().includes('各项工作已经按期完成'));
    await diagnosticsWhere(doc.uri, (x) => x.length > 0 && !slips(x, doc).includes('己经'), 'the 己经 finding to clear');
  });

  it('a configuration file\'s dictionary allows a word and adds a pair', async () => {
    const dir = path.join(folder().fsPath, 'proof-dictionary');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'ogi-report.config.json'), JSON.stringify({ dictionary: { allow: ['杜会'], replace: { 财政全融局: '财政金融局' } } }));
    const doc = await open('proof-dictionary/report.ogi', report());
    const ds = await diagnosticsWhere(doc.uri, (x) => slips(x, doc).includes('财政全融局'), 'the dictionary pair');
    assert.ok(!slips(ds, doc).includes('杜会'));
    assert.ok(slips(ds, doc).includes('不子公开'));
  });
});
