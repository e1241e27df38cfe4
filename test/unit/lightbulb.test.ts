/**
 * The honest light bulb (issue 19): when the table identities leave several minimal candidate sets of
 * cells, the finding says so and names them, and the light bulb offers each whole set (never one cell
 * of it) plus an action that selects the candidate cells; evidence in the report (a prose figure,
 * last year's 结转下年度) decides before giving up, and then the fix restores the right figures.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, applyEdits, Diagnostic } from '../../server/src/service/analyze';
import { codeActions } from '../../server/src/service/actions';
import { ruleIdsTagged } from '../../server/src/rules';
import { buildWorkspaceIndex } from '../../server/src/workspace';
import { FIXTURES, readFixture } from './helpers';

const IDENTITY = ruleIdsTagged('identity');
const identity = (ds: Diagnostic[]) => ds.filter((d) => IDENTITY.includes(d.code));
const figureActions = (text: string, d: Diagnostic) =>
  codeActions(analyze(text), d.start, d.end).filter((x) => x.edits.length && !x.edits.some((e) => e.newText.includes('ogi-report-disable')));

for (const layout of ['tab', 'pipe']) {
  describe(`a whole row changed consistently (${layout} layout): 自然人 52→62 and its 总计 57→67`, () => {
    const text = readFixture('rules', 'column-total', `invalid-row-changed-${layout}.txt`);
    const original = readFixture('rules', 'row-total', layout === 'tab' ? 'valid-balanced.txt' : 'invalid-pipe-new-total.txt')
      .replace(/\| 2 \| 143\n/, '| 2 | 134\n');
    const a = analyze(text);
    const found = identity(a.diagnostics);

    it('the findings say the identities cannot decide and name the three candidate rows; the correct （七） is not told to change', () => {
      assert.equal(found.length, 2);
      for (const d of found) {
        assert.equal(d.fix, undefined, 'no automatic fix');
        assert.match(d.message.zh, /表内勾稽关系无法确定哪些数字有误/);
        assert.match(d.message.zh, /①“（一）予以公开”一行的自然人改为 52、总计改为 57；②“（二）部分公开”一行的自然人改为 4、总计改为 6；③/);
        assert.doesNotMatch(d.message.zh, /应为 131|应为 144/, 'the correct total is not said to be wrong');
      }
    });

    it('the light bulb offers each candidate set as one Chinese suggestion changing the whole set, once, and a select-cells action', () => {
      const acts = codeActions(a, found[0].start, found[0].end);
      const sets = acts.filter((x) => x.edits.length && !x.edits.some((e) => e.newText.includes('ogi-report-disable')));
      assert.equal(sets.length, 3);
      for (const s of sets) {
        assert.match(s.title.zh, /^可能的改法[①②③]：“[^”]+”一行的自然人改为 \d+、总计改为 \d+（2 处一起改）$/);
        assert.equal(s.edits.length, 2, 'a whole set');
        assert.ok(!s.preferred);
        assert.deepEqual(identity(analyze(applyEdits(text, s.edits)).diagnostics), [], `${s.title.zh} leaves the table balanced`);
      }
      assert.equal(applyEdits(text, sets[0].edits), original, 'the first set restores the figures the writer had');
      const show = acts.filter((x) => x.show);
      assert.equal(show.length, 1);
      assert.equal(show[0].title.zh, '选中可能有误的单元格（6 处）');
      assert.deepEqual(show[0].show!.map((r) => text.slice(r.start, r.end)), ['62', '67', '14', '16', '28', '32']);
      // Both findings at once (a selection over the table): each set still once.
      const both = codeActions(a, found[0].start, found[1].end).filter((x) => x.edits.length && !x.edits.some((e) => e.newText.includes('ogi-report-disable')));
      assert.equal(both.length, 3);
    });

    it('with the prose stating the row (其中予以公开57件), the evidence decides: one fix on the changed cells, naming the text, restoring both', () => {
      const prose = readFixture('rules', 'column-total', `invalid-row-changed-prose-${layout}.txt`);
      const ds = identity(analyze(prose).diagnostics);
      assert.deepEqual(ds.map((d) => prose.slice(d.start, d.end)), ['62', '67']);
      for (const d of ds) {
        assert.match(d.message.zh, /按正文“其中予以公开57件”/);
        assert.equal(d.fix?.kind, 'figure');
      }
      const acts = figureActions(prose, ds[0]);
      assert.equal(acts.length, 1, acts.map((x) => x.title.zh).join(' | '));
      assert.match(acts[0].title.zh, /^改正这一组数字（2 处一起改）：/);
      assert.equal(applyEdits(prose, acts[0].edits), prose.replace(/62(\t| \| )3/, '52$13').replace(/\b67\n/, '57\n'));
      assert.deepEqual(identity(analyze(applyEdits(prose, acts[0].edits)).diagnostics), []);
    });

    it('a 行政复议 总计 of 4 over 2+0+0+1 with 全年被申请行政复议3件 in the text: the total is the wrong cell', () => {
      const t = readFixture('rules', 'review-total', `invalid-review-prose-${layout}.txt`);
      const ds = identity(analyze(t).diagnostics);
      assert.equal(ds.length, 1);
      assert.equal(t.slice(ds[0].start, ds[0].end), '4');
      assert.match(ds[0].message.zh, /^表四“行政复议·总计”应为 3，实为 4（按正文“全年被申请行政复议3件”/);
      assert.equal(ds[0].fix?.edits[0].newText, '3');
      // Without the sentence, five single cells could each be wrong: no guess is offered.
      const bare = analyze(t.replace('本年度，全年被申请行政复议3件，均已依法答复。\n\n', ''));
      const u = identity(bare.diagnostics);
      assert.equal(u.length, 1);
      assert.equal(u[0].fix, undefined);
      assert.equal(u[0].suggestions.length, 0);
      assert.ok(codeActions(bare, u[0].start, u[0].end).some((x) => x.show?.length === 5));
    });

    it('上年结转 changed consistently: last year\'s 结转下年度 decides, and carry-over does not report the same cell again', () => {
      const name = `invalid-carried-last-year-${layout}`;
      const dir = join(FIXTURES, 'rules', 'balance');
      const t = readFixture('rules', 'balance', `${name}.txt`);
      const last = join(dir, name, '清河镇2022年报告.txt');
      const path = join(dir, `${name}.txt`);
      const index = buildWorkspaceIndex([{ path, text: t }, { path: last, text: readFileSync(last, 'utf8') }]);
      const all = analyze(t, { workspace: { index, path } });
      const ds = identity(all.diagnostics);
      assert.deepEqual(ds.map((d) => `${d.code} ${t.slice(d.start, d.end)}`), ['balance 16', 'balance 17']);
      assert.match(ds[0].message.zh, /按上年报告 清河镇2022年报告\.txt 的“四、结转下年度继续办理·自然人”6/);
      assert.ok(!all.diagnostics.some((d) => d.code === 'carry-over' && d.start === ds[0].start), 'one problem, one finding');
      // Alone, the identities offer the three rows (一, 二, 四) that could each have been changed.
      const alone = identity(analyze(t).diagnostics);
      assert.equal(alone.length, 2);
      assert.equal(alone[0].suggestions.length, 3);
    });
  });
}

describe('evidence that confirms a printed row', () => {
  it('正文“其中予以公开67件” agrees with the changed row: that row is ruled out, the other two sets are offered, and the message says why', () => {
    const t = readFixture('rules', 'column-total', 'invalid-row-changed-prose-agrees-tab.txt');
    const ds = identity(analyze(t).diagnostics);
    assert.equal(ds.length, 2);
    assert.match(ds[0].message.zh, /①“（二）部分公开”一行的自然人改为 4、总计改为 6；②“1\.本机关不掌握相关政府信息”一行的自然人改为 18、总计改为 22（按正文“其中予以公开67件”，排除了其他改法）$/);
    assert.equal(ds[0].suggestions.length, 2);
    assert.ok(ds[0].suggestions.every((s) => s.edits.length === 2));
  });
});

describe('the balance reason shows the figures as they are', () => {
  it('143 in 一·总计: the balance part reads 143+7 = 150 against 134+7 = 141, never 134+7 = 134+7', () => {
    const t = readFixture('rules', 'row-total', 'invalid-pipe-new-total.txt');
    const d = analyze(t).diagnostics.find((x) => x.code === 'row-total')!;
    assert.match(d.message.zh, /总计列勾稽关系 一 \+ 二 = 三（七）\+ 四 不平衡：143\+7 = 150，134\+7 = 141；改为 134 后两边均为 141/);
    assert.doesNotMatch(d.message.zh, /134\+7 = 134\+7/);
    assert.match(d.message.en, /143\+7 = 150, 134\+7 = 141; with 134 both sides are 141/);
  });
});
