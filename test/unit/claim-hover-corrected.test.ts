/**
 * The hover on a prose figure says what the findings say: when the prose is right and a table cell is
 * wrong (the cell's identity finding cites the prose; the prose figure has no finding), the hover does
 * not call the prose figure wrong.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { claimHover } from '../../server/src/service/claim-hover';
import { readFixture } from './helpers';

const HUAIAN = readFixture('corpus', 'huaian_2024.txt');
const PROSE = '其中结果维持 72 件';

describe('hover on a right prose figure beside a wrong cell', () => {
  const text = HUAIAN.replace('72 | 64 | 178 | 37 | 351 |', '73 | 64 | 178 | 37 | 351 |');
  const at = text.indexOf(PROSE) + PROSE.indexOf('72');

  it('says the figure agrees with the table as corrected, and that the table is wrong', () => {
    assert.notEqual(text, HUAIAN);
    const a = analyze(text);
    assert.equal(a.diagnostics.filter((d) => d.start <= at && d.end >= at).length, 0, 'no finding on the prose 72');
    const h = claimHover(a, at)!;
    assert.ok(h, 'a hover on the 72');
    assert.match(h.markdown, /结果：✓ 与按勾稽关系更正后的表格一致/);
    assert.doesNotMatch(h.markdown, /✗/);
    assert.match(claimHover(a, at, 'en')!.markdown, /agrees with the table as its identities correct it/);
  });

  it('still says ✗ where the prose disagrees with a consistent table (and a finding is there)', () => {
    const wrong = HUAIAN.replace(PROSE, '其中结果维持 70 件');
    const a = analyze(wrong);
    const p = wrong.indexOf('其中结果维持 70 件') + '其中结果维持 '.length;
    assert.ok(a.diagnostics.some((d) => d.code === 'text-table-mismatch' && d.start <= p && d.end >= p));
    assert.match(claimHover(a, p)!.markdown, /结果：✗ 不一致/);
  });

  it('says ✓ 一致 on the unchanged report', () => {
    assert.match(claimHover(analyze(HUAIAN), HUAIAN.indexOf(PROSE) + PROSE.indexOf('72'))!.markdown, /结果：✓ 一致/);
  });
});
