/**
 * One problem, one finding (issue 19): when a table cell is wrong and the prose states its right
 * figure, the user sees the identity finding on the cell (which may cite the prose), and no
 * text-table-mismatch on the prose figure, which is correct. A prose figure that disagrees with a
 * consistent table, or with the corrected figure, is still reported. Real corpus reports with one
 * figure changed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, Diagnostic } from '../../server/src/service/analyze';
import { ruleIdsTagged } from '../../server/src/rules';
import { readFixture } from './helpers';

const IDENTITY = ruleIdsTagged('identity');
const identity = (ds: Diagnostic[]) => ds.filter((d) => IDENTITY.includes(d.code));
const mismatches = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'text-table-mismatch');
const shares = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'percentage');

/** `text` with the `nth` occurrence (0-based) of `from` replaced, asserting it exists. */
function change(text: string, from: string, to: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(from, at + 1);
    assert.ok(at >= 0, `“${from}” #${nth} is in the text`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const HUAIAN = readFixture('corpus', 'huaian_2024.txt');
const T4 = '72 | 64 | 178 | 37 | 351 |';
const PROSE_UPHELD = '其中结果维持 72 件';

describe('huaian_2024: the text says 行政复议 351件，其中结果维持 72 件; table 四 says 维持 73 (its parts sum to 352)', () => {
  const text = change(HUAIAN, T4, '73 | 64 | 178 | 37 | 351 |');
  const a = analyze(text);

  it('one finding: the identity finding on the 73, citing the text, with the fix to 72', () => {
    const found = identity(a.diagnostics);
    assert.equal(found.length, 1);
    const d = found[0];
    assert.equal(text.slice(d.start, d.end), '73');
    assert.equal(d.message.zh.startsWith('表四“行政复议·结果维持”应为 72，实为 73（按正文'), true, d.message.zh);
    assert.equal(d.fix?.edits[0].newText, '72');
  });

  it('no text-table-mismatch on the prose 72, which is right', () => {
    assert.deepEqual(mismatches(a.diagnostics).map((d) => `${text.slice(d.start, d.end)} ${d.message.zh}`), []);
  });

  it('the report without the change has neither', () => {
    const clean = analyze(HUAIAN);
    assert.deepEqual(identity(clean.diagnostics), []);
    assert.deepEqual(mismatches(clean.diagnostics), []);
  });
});

describe('huaian_2024: prose figures the corrections do not explain are still reported', () => {
  it('the prose says 维持 70 beside a consistent table: text-table-mismatch on the 70, no identity finding', () => {
    const text = change(HUAIAN, PROSE_UPHELD, '其中结果维持 70 件');
    const a = analyze(text);
    assert.deepEqual(identity(a.diagnostics), []);
    const m = mismatches(a.diagnostics);
    assert.equal(m.length, 1);
    assert.equal(text.slice(m[0].start, m[0].end), '70');
    assert.match(m[0].message.zh, /表四 行政复议·结果维持 = 72/);
  });

  it('the table says 维持 73 and the prose 维持 70: the identities stay undecided and the 70 is still reported', () => {
    const text = change(change(HUAIAN, T4, '73 | 64 | 178 | 37 | 351 |'), PROSE_UPHELD, '其中结果维持 70 件');
    const a = analyze(text);
    assert.equal(identity(a.diagnostics).length, 1);
    const m = mismatches(a.diagnostics);
    assert.deepEqual(m.map((d) => text.slice(d.start, d.end)), ['70']);
  });
});

const PINGTAN = readFixture('corpus', 'pingtan_2022.txt');
const NEW_ROW = '一、本年新收政府信息公开申请数量 | 71 |';

describe('pingtan_2022: the text says 收到…申请75件，涉及自然人72件; table 三 一·自然人 71 changed to 73', () => {
  const text = change(PINGTAN, NEW_ROW, '一、本年新收政府信息公开申请数量 | 73 |');
  const a = analyze(text);

  it('one finding: the identity finding on the 73 (the only cell that explains the table), and none on the prose 自然人72件', () => {
    const found = identity(a.diagnostics);
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0].start, found[0].end), '73');
    assert.match(found[0].message.zh, /应为 71，实为 73/);
    assert.deepEqual(mismatches(a.diagnostics).map((d) => d.message.zh), []);
  });

  it('with the prose also changed to 自然人70件, which the corrected table (71 + 1 = 72) contradicts, the 70 is reported', () => {
    const both = change(text, '涉及自然人72件', '涉及自然人70件');
    const b = analyze(both);
    assert.equal(identity(b.diagnostics).length, 1);
    assert.deepEqual(mismatches(b.diagnostics).map((d) => both.slice(d.start, d.end)), ['70']);
  });
});

describe('pingtan_2022 with a share in its text (其中予以公开21件，占28.4%: 21 ÷ 74 新收); table 三 一·总计 74 printed as 84', () => {
  const withShare = (share: string) => change(PINGTAN, '办结率100%。', `办结率100%。其中予以公开21件，占${share}。`);
  const NEW_TOTAL = '一、本年新收政府信息公开申请数量 | 71 | 3 | 0 | 0 | 0 | 0 | 74';
  const wrongTotal = (text: string) => change(text, NEW_TOTAL, NEW_TOTAL.replace(/74$/, '84'));

  it('one finding: the identity finding on the 84; the share, right against the corrected 74, gets none', () => {
    assert.deepEqual(shares(analyze(withShare('28.4%')).diagnostics), [], 'the share is right as printed');
    const text = wrongTotal(withShare('28.4%'));
    const a = analyze(text);
    assert.deepEqual(identity(a.diagnostics).map((d) => `${text.slice(d.start, d.end)} ${d.message.zh.replace(/（.*$/, '')}`),
      ['84 表三“一、本年新收政府信息公开申请数量·总计”应为 74，实为 84']);
    assert.deepEqual(shares(a.diagnostics).map((d) => d.message.zh), []);
    assert.deepEqual(mismatches(a.diagnostics).map((d) => d.message.zh), []);
  });

  it('a share that the corrected table does not give either (30.0%) is still reported', () => {
    const text = wrongTotal(withShare('30.0%'));
    assert.deepEqual(shares(analyze(text).diagnostics).map((d) => text.slice(d.start, d.end)), ['30.0%']);
  });
});

describe('a table 三 row changed consistently (自然人 52→62, 总计 57→67) while the text says 其中予以公开57件', () => {
  for (const layout of ['tab', 'pipe']) {
    it(`${layout}: the two cells the text decides carry the findings, the prose 57 none`, () => {
      const text = readFixture('rules', 'column-total', `invalid-row-changed-prose-${layout}.txt`);
      const a = analyze(text);
      assert.deepEqual(identity(a.diagnostics).map((d) => text.slice(d.start, d.end)), ['62', '67']);
      assert.deepEqual(mismatches(a.diagnostics).map((d) => d.message.zh), []);
    });
  }
});
