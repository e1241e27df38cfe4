/**
 * The prose model (model/facts, model/segments) and the content rules built on it: what the model reads from real
 * wording, and what the rules report on every real report of the corpus and on the five seeds —
 * exactly the defects that are there, and nothing else.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { parseReport } from '../../server/src/model/report';
import { classifyBody, readFacts } from '../../server/src/model/facts';
import { saysNothing } from '../../server/src/rules/empty-section';
import { FIXTURES, ROOT, listFiles, readFixture } from './helpers';

const PROSE_RULES = new Set(['year-consistency', 'outdated-basis', 'statute-reference', 'empty-section', 'assessment-disclosure',
  'regulation-authority', 'fee-amount', 'publication-date', 'conversion-artifact', 'repeated-word', 'punctuation']);

/** The corpus as merged into the repository, or the shared copy next to the worktree. */
const CORPUS = [join(FIXTURES, 'corpus'), join(ROOT, '..', '..', 'shared', 'corpus')].find((d) => existsSync(join(d, 'FACTS.md')));

function findings(text: string): string[] {
  const a = analyze(text);
  return a.diagnostics.filter((d) => PROSE_RULES.has(d.code)).map((d) => `${d.code} ${d.severity} «${text.slice(d.start, d.end)}»`);
}

describe('prose model', () => {
  it('classifies the reporting body from its name, and leaves uncertain names alone', () => {
    const cases: [string, string | null][] = [
      ['淮安市洪泽区人民政府', 'government county'],
      ['洪泽区人民政府', 'government county'],
      ['淮安市人民政府', 'government municipal'],
      ['同江市金川乡', 'government township'],
      ['寒葱沟镇人民政府', 'government township'],
      ['松多藏族乡', 'government township'],
      ['吴起县', 'government county'],
      ['上海市科委', 'department province'],
      ['清河县市场监督管理局', 'department county'],
      ['清河县人民政府办公室', 'department county'],
      ['江苏省人民政府', 'government province'],
      ['平潭综合实验区', null], // a 管委会, not a level of government
      ['清河经济开发区', null],
      ['国家税务总局清河县税务局', null],
      ['清河街道办事处', null],
      ['镇江市人民政府', null], // 镇 inside a place name: not read rather than misread
    ];
    for (const [name, want] of cases) {
      const b = classifyBody(name);
      assert.equal(b ? `${b.kind} ${b.level}` : null, want, name);
    }
  });

  it('reads the statistics period, the report year in the prose, and never a comparison, plan or cited year', () => {
    const text = [
      '清河县人民政府2023年政府信息公开工作年度报告',
      '本报告根据《中华人民共和国政府信息公开条例》和《清河县2022年政务公开工作要点》（清政办〔2022〕3号）编制。本报告所列数据统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。',
      '一、总体情况',
      '2023年，我县主动公开政府信息1136条。数量较2022年增长12%。2022年，我县受理申请21件，2023年受理30件。',
      '五、存在的主要问题及改进情况',
      '2024年，我县将加强培训。',
    ].join('\n');
    const p = readFacts(parseReport(text));
    assert.deepEqual([p.period?.from.year, p.period?.to.month, p.period?.to.day], [2023, 12, 31]);
    assert.deepEqual(p.yearClaims.map((c) => `${c.role}:${c.year}`), ['period:2023', 'period:2023', 'opening:2023']);
    assert.deepEqual(p.yearTypos, []);
  });

  it('reads a glued year as a typo with the years it may have meant', () => {
    const p = readFacts(parseReport('清河县人民政府2020年政府信息公开工作年度报告\n本报告统计期限为202020年1月1日至2020年12月31日。'));
    assert.deepEqual(p.yearTypos.map((t) => [t.text, t.candidates]), [['202020', [2020]]]);
  });

  it('reads citations of the format notices and of the 2007 regulation, but not the regulation’s history', () => {
    const p = readFacts(parseReport([
      '清河县人民政府2023年政府信息公开工作年度报告',
      '本报告依据《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）和《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）编制。',
      '《条例》（国务院令第492号）。《条例》于2007年以国务院令第492号公布，2019年以国务院令第711号修订。',
      '依据《国务院办公厅政府信息与政务公开办公室关于做好政务公开工作的通知》（国办公开办函〔2022〕5号）开展工作。',
    ].join('\n')));
    assert.deepEqual(p.citations.map((c) => c.kind), ['format-2019', 'format-2021', 'regulation-2007']);
  });

  it('reads articles cited from the regulation, not from other laws, and knows which are the report’s basis', () => {
    const p = readFacts(parseReport([
      '清河县人民政府2023年政府信息公开工作年度报告',
      '根据《中华人民共和国政府信息公开条例》第五十条规定，编制本年度报告。依据《条例》第十九条、第二十条和第二十一条公开信息。依据《行政许可法》第六十一条公开检查结果。',
    ].join('\n')));
    assert.deepEqual(p.articles.map((a) => `${a.article}${a.aboutReport ? '*' : ''}`), ['50*', '19', '20', '21']);
  });

  it('reads 《条例》 as another regulation when the report gives it that short name', () => {
    const p = readFacts(parseReport('清河县人民政府2023年政府信息公开工作年度报告\n依据《清河省政务公开条例》（以下简称《条例》）第六十条规定开展工作。'));
    assert.deepEqual(p.articles, []);
  });

  it('reads the 落款 date in digits or in Chinese numerals', () => {
    const base = '清河县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n全年公开信息12条。\n';
    assert.deepEqual(pick(readFacts(parseReport(`${base}\n清河县人民政府\n二〇二四年一月二十日\n`)).signed), [2024, 1, 20]);
    assert.deepEqual(pick(readFacts(parseReport(`${base}\n清河县人民政府 2024年3月5日\n`)).signed), [2024, 3, 5]);
    assert.equal(readFacts(parseReport(`${base}\n本办法自2024年3月1日起施行。\n`)).signed, null);
    assert.equal(readFacts(parseReport(`${base}\n数据统计截至2024年1月20日\n`)).signed, null);
  });

  it('knows what only says "nothing"', () => {
    for (const t of ['无', '无。', ' 暂无 ', '没有。']) assert.ok(saysNothing(t), t);
    for (const t of ['无法提供的申请较多', '一是培训不足。', '']) assert.ok(!saysNothing(t), t);
  });
});

describe('content rules on real reports', () => {
  /** Everything the eleven rules report, by file: the defects FACTS.md lists, and the real ones it does not. */
  const EXPECTED: Record<string, string[]> = {
    'hongze_2023.txt': [],
    'hongze_2024.txt': [],
    'huaian_2024.txt': [],
    'pingtan_2021.txt': [
      // Not in FACTS.md but real: "推进监管执法信息公开,通过微信公众号…" and "（一）存在的主要问题:政策解读…".
      'punctuation hint «,»',
      'repeated-word hint «审核审核»', // FACTS.md: 审核审核
      'punctuation hint «:»',
    ],
    'pingtan_2022.txt': ['repeated-word hint «的的»'], // FACTS.md: 统一的的
    'pingtan_2024.txt': [],
    'shanghai_kewei_2024_extract.md': [
      'punctuation hint «, »', // FACTS.md: 六部分,
      'repeated-word hint «资金资金»', // FACTS.md: 资金资金
    ],
  };
  it('the corpus is there', () => assert.ok(CORPUS, 'no corpus found'));
  for (const [file, want] of Object.entries(EXPECTED)) {
    it(`${file}: exactly the real defects`, () => {
      assert.deepEqual(findings(readFileSync(join(CORPUS!, file), 'utf8')), want);
    });
  }

  const SEEDS: Record<string, string[]> = {
    '000_eefba31524fbc4b6.txt': ['punctuation hint «(一)»', 'punctuation hint «(二)»'],
    '001_b4cf58a1ae5d2f01.txt': [],
    '002_1a82f41e62f68c0a.txt': ['punctuation hint «,»', 'conversion-artifact hint «[bookmark: _GoBack]»', 'punctuation hint «, »'],
    '003_61f4a806a08c13ab.txt': ['punctuation hint «,»', 'punctuation hint «,»'],
    '004_e325a6a5591f9c6b.txt': [],
  };
  it('the five seeds are all listed', () => {
    assert.deepEqual(listFiles(join(FIXTURES, 'reports'), (f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f)), Object.keys(SEEDS));
  });
  for (const [file, want] of Object.entries(SEEDS)) {
    it(`seed ${file}: exactly the real defects`, () => assert.deepEqual(findings(readFixture('reports', file)), want));
  }

  it('seed 003: one punctuation finding per paragraph, whose fix writes every mark full-width', () => {
    const text = readFixture('reports', '003_61f4a806a08c13ab.txt');
    const d = analyze(text).diagnostics.filter((x) => x.code === 'punctuation');
    assert.deepEqual(d.map((x) => x.fix!.edits.length), [5, 22]);
    assert.ok(d.every((x) => x.fix!.edits.every((e) => /^[，；：]$/.test(e.newText))));
  });
});

describe('content rules: severity and wording', () => {
  it('a mistyped year is an error, a disagreeing year a warning, and a user setting wins over both', () => {
    const text = readFixture('rules', 'year-consistency', 'invalid-typo.txt');
    const typo = analyze(text).diagnostics.find((d) => d.code === 'year-consistency')!;
    assert.equal(typo.severity, 'error');
    assert.equal(typo.message.zh, '年份“202320年”有误，应为“2023年”？');
    assert.equal(typo.suggestions[0].edits[0].newText, '2023');
    const period = analyze(readFixture('rules', 'year-consistency', 'invalid-period-last-year.txt')).diagnostics.filter((d) => d.code === 'year-consistency');
    assert.deepEqual(period.map((d) => d.severity), ['warning']);
    const set = analyze(text, { rules: { 'year-consistency': 'hint' } }).diagnostics.find((d) => d.code === 'year-consistency')!;
    assert.equal(set.severity, 'hint');
  });

  it('a row under the wrong 第二十条 item names both items and points at the header', () => {
    const text = readFixture('rules', 'statute-reference', 'invalid-misplaced-row.txt');
    const d = analyze(text).diagnostics.filter((x) => x.code === 'statute-reference');
    assert.equal(d[0].message.zh, '“行政处罚”属于第二十条第（六）项，却列在第二十条第（五）项下');
    assert.equal(text.slice(d[0].related![0].start, d[0].related![0].end), '第二十条第（五）项');
  });
});

function pick(d: { year: number; month: number; day: number } | null) {
  return d ? [d.year, d.month, d.day] : null;
}
