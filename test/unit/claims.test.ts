/**
 * The claims model of the prose: what it understands in real reports (and that it agrees with their
 * tables), what it must leave alone, and the content rules staying silent on every real report except
 * for the defects FACTS.md lists.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CountClaim, readClaims } from '../../server/src/model/claims';
import { CountCheck, checkClaims, renderReading } from '../../server/src/rules/lib/claim-check';
import { parseReport } from '../../server/src/model/report';
import { analyze } from '../../server/src/service/analyze';
import { hover } from '../../server/src/service/hover';
import { CORPUS, FIXTURES, corpusReports, listFiles, readFixture } from './helpers';

const CONTENT_RULES = ['text-table-mismatch', 'percentage', 'self-contradiction'];

const corpusFiles = corpusReports();
const readCorpus = (f: string) => readFileSync(join(CORPUS, f), 'utf8');

/** The content-rule findings FACTS.md lists, by file: [rule, the text the finding covers]. */
const LISTED: Record<string, [string, string][]> = {
  'shanghai_kewei_2024_extract.md': [['self-contradiction', '所有申请均已按要求办理完成']],
};

const counts = (text: string) => checkClaims(parseReport(text)).filter((c) => c.claim.kind === 'count');
const at = (text: string, needle: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return i;
};

describe('claims: the real corpus', () => {
  it('the corpus is there (seven reports)', () => assert.equal(corpusFiles.length, 7, `corpus at ${CORPUS}`));

  for (const f of corpusFiles) {
    it(`${f}: content rules report only the defects FACTS.md lists`, () => {
      const text = readCorpus(f);
      const found = analyze(text).diagnostics.filter((d) => CONTENT_RULES.includes(d.code)).map((d) => [d.code, text.slice(d.start, d.end)]);
      assert.deepEqual(found, LISTED[f] ?? []);
    });
  }

  for (const f of listFiles(join(FIXTURES, 'reports'), (x) => /^\d{3}_[0-9a-f]+\.txt$/.test(x))) {
    it(`seed ${f}: content rules are silent`, () => {
      const a = analyze(readFixture('reports', f));
      assert.deepEqual(a.diagnostics.filter((d) => CONTENT_RULES.includes(d.code)).map((d) => d.code), []);
    });
  }

  it('huaian_2024: understands every count of 依申请公开 and 复议/诉讼, and each agrees with the tables', () => {
    const text = readCorpus('huaian_2024.txt');
    const got = counts(text).map((c) => {
      const claim = c.claim as CountClaim;
      return `${claim.quantity}${claim.part ? '.' + claim.part : ''}=${claim.value} ${c.verdict}`;
    });
    assert.deepEqual(got, [
      'received=3119 match', 'answered=3050 match', 'carried=34 match', 'carryover=103 match',
      'review=351 match', 'review.maintain=72 match', 'review.correct=64 match', 'review.other=178 match', 'review.pending=37 match',
      'litigation=46 match', 'litigation.maintain=25 match', 'litigation.correct=5 match', 'litigation.other=9 match', 'litigation.pending=7 match',
    ]);
    const lit = counts(text).find((c) => c.claim.kind === 'count' && c.claim.quantity === 'litigation' && !c.claim.part) as CountCheck;
    assert.ok(lit.matched);
    assert.equal(renderReading(lit.matched), '表四 未经复议直接起诉·总计 + 复议后起诉·总计 = 26 + 20 = 46');
    // Years, addresses, phone numbers, 5500 余条, 12 场, 95 个, 100% are not claims.
    assert.ok(readClaims(parseReport(text)).every((c) => c.kind !== 'percent'));
  });

  it('pingtan_2022: "收到…申请75件" is 本年新收 74 + 上年结转 1, and agrees', () => {
    const received = counts(readCorpus('pingtan_2022.txt')).find((c) => c.claim.kind === 'count' && c.claim.quantity === 'received') as CountCheck;
    assert.equal(received.verdict, 'match');
    assert.equal(renderReading(received.matched!), '表三 一、本年新收 + 二、上年结转 = 74 + 1 = 75');
  });

  it('pingtan_2022: "涉及自然人72件、商业企业3件" breaks the 75 down by applicant column, and agrees', () => {
    const got = counts(readCorpus('pingtan_2022.txt')).filter((c) => (c.claim as CountClaim).columns) as CountCheck[];
    assert.deepEqual(got.map((c) => `${c.claim.phrase} ${c.verdict}`), ['自然人72件 match', '商业企业3件 match']);
    assert.equal(renderReading(got[0].matched!), '表三 一、本年新收·自然人 + 二、上年结转·自然人 = 71 + 1 = 72');
  });

  it('hongze_2024: "区政府办代表区政府受理…17 件" names a narrower subject, so it is not read as the report total (95)', () => {
    const text = readCorpus('hongze_2024.txt');
    assert.ok(text.includes('区政府办代表区政府受理政府信息公开申请 17 件'));
    assert.ok(!counts(text).some((c) => (c.claim as CountClaim).value === 17));
  });

  it('shanghai_kewei_2024: wrapped lines are joined, and the carry-over stated in prose contradicts "所有申请均已…办理完成"', () => {
    const text = readCorpus('shanghai_kewei_2024_extract.md');
    const claims = readClaims(parseReport(text));
    const carry = claims.find((c) => c.kind === 'count' && c.quantity === 'carryover') as CountClaim;
    assert.equal(carry.value, 1);
    assert.ok(claims.some((c) => c.kind === 'count' && c.quantity === 'deny' && c.value === 2), '"不予公开答复 2\\n件" spans a line break');
  });
});

describe('claims: what is never read', () => {
  it('unrelated numbers (条, 场, 人大建议, 来信, 自然人 breakdown, a narrower subject, a coordinated 复议、诉讼 total) give no count', () => {
    const text = readFixture('rules', 'text-table-mismatch', 'valid-unrelated-numbers.txt');
    assert.deepEqual(counts(text).map((c) => c.claim.phrase), []);
  });

  it('a share of something other than a stated count (增长, 办结率, 满意率) is not a percentage claim', () => {
    const text = readFixture('rules', 'percentage', 'valid-rounding-and-truncation.txt');
    const pct = readClaims(parseReport(text)).filter((c) => c.kind === 'percent');
    assert.deepEqual(pct.map((c) => c.phrase), ['占总数的42.5%', '占11.94%', '占比27.6%']);
  });

  it('a 司法局 caseload (行政复议 without 政府信息公开 nearby) is not a table 四 claim', () => {
    const base = readFixture('rules', 'row-total', 'valid-balanced.txt');
    const text = base.replace('## 二、', '全年共办结行政复议案件120件，行政诉讼案件9件。\n\n## 二、');
    assert.ok(!counts(text).some((c) => [120, 9].includes((c.claim as CountClaim).value)));
  });

  it('another year, a subject we cannot place, and 建议/提案 "均已办结" make no claim', () => {
    const base = readFixture('rules', 'row-total', 'valid-balanced.txt');
    const prose = [
      '2022年，我镇收到政府信息公开申请98件。',
      '镇政务服务中心全年受理各类办件2356件，办结2350件，按时办结率99.7%。',
      '全年收到人大代表建议、政协委员提案共13件，均已按期办结。',
      '2022年度结转的7件申请已于本年度全部办结。',
    ].join('');
    const text = base.replace('## 二、', `（二）依申请公开情况。全镇共收到政府信息公开申请134件。${prose}\n\n## 二、`);
    assert.deepEqual(counts(text).map((c) => (c.claim as CountClaim).value), [134]);
    assert.deepEqual(analyze(text).diagnostics.filter((d) => CONTENT_RULES.includes(d.code)), []);
  });

  it('a clause naming two quantities is left alone', () => {
    const base = readFixture('rules', 'row-total', 'valid-balanced.txt');
    const text = base.replace('## 二、', '全年收到政府信息公开申请，予以公开和不予公开共90件。\n\n## 二、');
    assert.ok(!counts(text).some((c) => (c.claim as CountClaim).value === 90));
  });
});

describe('claims: wordings and what they are compared with', () => {
  const base = readFixture('rules', 'row-total', 'valid-balanced.txt');
  // Table: 一 134, 二 7, （七） 134, 四 7; 表四 复议 2/1/0/1 = 4, 直接起诉 1/0/0/1 = 2, 复议后起诉 1/0/0/0 = 1.
  const cases: [string, string][] = [
    ['全年共受理政府信息公开申请141件。', 'received=141 match'],
    ['本年新收政府信息公开申请134件。', 'new=134 match'],
    ['本年新收政府信息公开申请141件。', 'new=141 mismatch'],
    ['全年办理政府信息公开申请141件。', 'handled=141 match'],
    ['全年收到政府信息公开申请134件，答复134件。', 'received=134 match,answered=134 match'],
    ['全年收到政府信息公开申请134件，答复130件。', 'received=134 match,answered=130 mismatch'],
    ['全年收到政府信息公开申请134件，其中130件已办结。', 'received=134 match'],
    ['政府信息公开行政复议4件，其中结果纠正1件；行政诉讼3件，其中直接起诉2件，复议后起诉1件。', 'review=4 match,review.correct=1 match,litigation=3 match,direct=2 match,after=1 match'],
    ['政府信息公开行政诉讼3件，其中尚未审结2件。', 'litigation=3 match,litigation.pending=2 mismatch'],
    ['全年收到政府信息公开申请134件，其中自然人申请120件，法人或其他组织申请14件。', 'received=134 match,received=120 match,received=14 match'],
    ['全年收到政府信息公开申请134件，其中自然人申请121件。', 'received=134 match,received=121 mismatch'],
  ];
  for (const [prose, expected] of cases) {
    it(`${prose} → ${expected}`, () => {
      const text = base.replace('## 二、', `${prose}\n\n## 二、`);
      const got = counts(text).map((c) => {
        const claim = c.claim as CountClaim;
        return `${claim.quantity}${claim.part ? '.' + claim.part : ''}=${claim.value} ${c.verdict}`;
      });
      assert.equal(got.join(','), expected);
    });
  }

  it('a sub-heading about 政府信息公开 复议、诉讼 sets the subject of the paragraph under it', () => {
    const text = base.replace('## 二、', '（三）政府信息公开行政复议、行政诉讼情况\n全年行政复议4件，诉讼3件，均获维持。\n\n## 二、');
    const d = analyze(text).diagnostics.filter((x) => x.code === 'text-table-mismatch');
    assert.deepEqual(d.map((x) => text.slice(x.start, x.end)), ['均获维持']);
  });
});

describe('claims: findings and hover', () => {
  it('a mismatch covers exactly the wrong number and names the sum it should equal', () => {
    const text = readFixture('rules', 'text-table-mismatch', 'invalid-results.txt');
    const d = analyze(text).diagnostics.filter((x) => x.code === 'text-table-mismatch');
    assert.deepEqual(d.map((x) => text.slice(x.start, x.end)), ['65', '26']);
    assert.equal(d[0].message.zh, '正文称“予以公开及部分公开65件”，但表三（一）予以公开 + （二）部分公开 = 57 + 16 = 73');
    assert.ok(d.every((x) => !x.fix), 'no automatic fix: either side may be wrong');
    assert.ok(d[0].related?.length === 2, 'related points at both table cells');
  });

  it('"行政复议…诉讼…均获维持" with cases 纠正 and 尚未审结 in table 四 is reported once, naming the cells', () => {
    const text = readFixture('rules', 'text-table-mismatch', 'invalid-review-upheld.txt');
    const d = analyze(text).diagnostics.filter((x) => x.code === 'text-table-mismatch');
    assert.equal(d.length, 1);
    assert.equal(text.slice(d[0].start, d[0].end), '均获维持');
    assert.match(d[0].message.zh, /行政复议·尚未审结 = 1/);
    assert.match(d[0].message.zh, /未经复议直接起诉·尚未审结 = 1/);
  });

  it('hover on a prose number shows what it was compared with, matching or not', () => {
    const good = readCorpus('huaian_2024.txt');
    const a = analyze(good);
    const h = hover(a, at(good, '46 件') + 1)!;
    assert.match(h.markdown, /行政诉讼 46 件/);
    assert.match(h.markdown, /26 \+ 20 = 46/);
    assert.match(h.markdown, /✓ 一致/);
    const bad = readFixture('rules', 'text-table-mismatch', 'invalid-results.txt');
    const hb = hover(analyze(bad), at(bad, '65件'))!;
    assert.match(hb.markdown, /57 \+ 16 = 73/);
    assert.match(hb.markdown, /✗ 不一致/);
  });

  it('hovers speak English when the locale is en, and the table and statute wording stays as written', () => {
    const good = readCorpus('huaian_2024.txt');
    const a = analyze(good);
    const h = hover(a, at(good, '46 件') + 1, 'en')!;
    assert.match(h.markdown, /^\*\*Prose: “/);
    assert.match(h.markdown, /Compared with:/);
    assert.match(h.markdown, /26 \+ 20 = 46/);
    assert.match(h.markdown, /Result: ✓ agrees/);
    assert.doesNotMatch(h.markdown, /对照|结果：|一致/);
    const cell = hover(a, at(good, '| 351 |') + 2, 'en')!;
    assert.match(cell.markdown, /行政复议 · total/);
    assert.match(cell.markdown, /Computed: .* = \*\*351\*\* \(upheld \+ corrected \+ other \+ pending\)/);
    const cite = '依据《条例》第五十条编制。';
    const ref = hover(analyze(cite), at(cite, '第五十条'), 'en')!;
    assert.match(ref.markdown, /^\*\*Regulation 《条例》第五十条/);
    assert.match(ref.markdown, /政府信息公开工作年度报告应当包括下列内容/);
  });

  it('hover on a table cell is unchanged (claims take only prose numbers)', () => {
    const text = readCorpus('huaian_2024.txt');
    const h = hover(analyze(text), at(text, '| 351 |') + 2)!;
    assert.match(h.markdown, /行政复议 · 总计/);
  });

  it('a share is right when rounded or truncated, and wrong beyond that', () => {
    const base = readFixture('rules', 'row-total', 'valid-balanced.txt');
    const share = (p: string) => base.replace('## 二、', `共收到政府信息公开申请134件，其中予以公开57件，占${p}。\n\n## 二、`);
    const codes = (p: string) => analyze(share(p)).diagnostics.filter((d) => d.code === 'percentage').length;
    assert.equal(codes('42.5%'), 0); // 42.537 rounded
    assert.equal(codes('42.53%'), 0); // truncated
    assert.equal(codes('42.54%'), 0); // rounded
    assert.equal(codes('43%'), 0);
    assert.equal(codes('42.6%'), 1);
    assert.equal(codes('44%'), 1);
  });

  it('self-contradiction: 所有申请均已办结 with 7 carried over; not when the carry-over is named as the exception', () => {
    const bad = readFixture('rules', 'self-contradiction', 'invalid-all-settled.txt');
    const d = analyze(bad).diagnostics.filter((x) => x.code === 'self-contradiction');
    assert.equal(d.length, 1);
    assert.match(d[0].message.zh, /四、结转下年度继续办理 = 7/);
    const ok = readFixture('rules', 'self-contradiction', 'valid-except-carried.txt');
    assert.equal(analyze(ok).diagnostics.filter((x) => x.code === 'self-contradiction').length, 0);
  });
});
