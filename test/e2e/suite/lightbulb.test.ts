/**
 * The honest light bulb in a real VS Code (issue 19): a table 三 whose （一）予以公开 row was changed
 * consistently (自然人 52→62, 总计 57→67) cannot be pinned by the identities. The light bulb offers each
 * candidate set as one Chinese suggestion that changes the whole set, and 「选中可能有误的单元格」 selects
 * the candidates; applying one set leaves no identity error. Waits are on events, never sleeps.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { code, diagnosticsWhere, folder } from './helpers';

const IDENTITY = ['row-total', 'column-total', 'balance', 'review-total'];

describe('the light bulb when the identities cannot decide', function () {
  this.timeout(90_000);

  it('offers whole candidate sets with Chinese titles, selects the candidate cells, and one set leaves no identity error', async () => {
    const base = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), 'balanced.ogi')));
    const row = /（一）予以公开\t52\t3\t0\t1\t1\t0\t57/;
    assert.match(base, row);
    const uri = vscode.Uri.joinPath(folder(), 'lightbulb-row.ogi');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(base.replace(row, '（一）予以公开\t62\t3\t0\t1\t1\t0\t67')));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const ds = await diagnosticsWhere(uri, (x) => x.filter((d) => code(d) === 'column-total').length === 2, 'two column-total findings');
    const d = ds.find((x) => code(x) === 'column-total')!;
    assert.match(d.message, /表内勾稽关系无法确定哪些数字有误/);
    assert.doesNotMatch(d.message, /应为 131/, 'the correct （七） is not said to be wrong');

    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value, 100)) ?? [];
    const sets = actions.filter((a) => a.title.startsWith('可能的改法'));
    assert.equal(sets.length, 3, actions.map((a) => a.title).join(' | '));
    for (const s of sets) {
      assert.match(s.title, /^可能的改法[①②③]：“[^”]+”一行的自然人改为 \d+、总计改为 \d+（2 处一起改）$/);
      assert.ok(s.edit, `${s.title} has an edit`);
      assert.equal(s.edit.get(uri).length, 2, `${s.title} changes the whole set`);
    }
    // No other action changes a figure of the table on its own.
    for (const a of actions.filter((x) => !sets.includes(x) && x.edit)) {
      for (const e of a.edit!.get(uri)) assert.match(e.newText, /ogi-report-disable/, `${a.title} only adds a suppression comment`);
    }

    const show = actions.find((a) => a.title.startsWith('选中可能有误的单元格'));
    assert.ok(show?.command, 'an action that selects the candidate cells');
    assert.equal(show.command.command, 'ogiReport.showCells');
    await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.deepEqual(editor.selections.map((s) => editor.document.getText(s)), ['62', '67', '14', '16', '28', '32']);

    assert.ok(await vscode.workspace.applyEdit(sets[0].edit!));
    assert.match(doc.getText(), /（一）予以公开\t52\t3\t0\t1\t1\t0\t57/);
    await diagnosticsWhere(uri, (x) => !x.some((y) => IDENTITY.includes(code(y))), 'identity findings to clear');
  });

  it('when the text states the row (其中予以公开57件), the finding is on the changed cell and its one fix restores the row', async () => {
    const base = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), 'balanced.ogi')));
    const row = /（一）予以公开\t52\t3\t0\t1\t1\t0\t57/;
    const sentence = '全年通过政府网站主动公开政府信息386条';
    assert.ok(base.includes(sentence));
    const uri = vscode.Uri.joinPath(folder(), 'lightbulb-prose.ogi');
    const changed = base.replace(row, '（一）予以公开\t62\t3\t0\t1\t1\t0\t67')
      .replace(sentence, `${sentence}。全年共收到政府信息公开申请141件，其中予以公开57件`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(changed));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const ds = await diagnosticsWhere(uri, (x) => x.some((d) => code(d) === 'column-total'), 'column-total');
    const d = ds.filter((x) => code(x) === 'column-total').find((x) => doc.getText(x.range) === '62');
    assert.ok(d, 'the finding is on the changed 62');
    assert.match(d.message, /按正文“其中予以公开57件”/);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value, 100)) ?? [];
    const figures = actions.filter((a) => a.edit && a.edit.get(uri).some((e) => !/ogi-report-disable/.test(e.newText)));
    assert.equal(figures.length, 1, figures.map((a) => a.title).join(' | '));
    assert.ok(figures[0].isPreferred);
    assert.ok(await vscode.workspace.applyEdit(figures[0].edit!));
    assert.match(doc.getText(), row);
    await diagnosticsWhere(uri, (x) => !x.some((y) => IDENTITY.includes(code(y))), 'identity findings to clear');
  });
});
