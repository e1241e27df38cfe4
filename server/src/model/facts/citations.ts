/**
 * The documents the report cites as its basis (the format notices, the 2007 regulation) and its
 * references to articles of the regulation, each with its exact range.
 */
import type { Report } from '../report';
import { Paragraph, sentenceAround, spanOf } from '../segments';
import { numeral } from './dates';

export type CitationKind = 'format-2019' | 'format-2021' | 'format-trial' | 'format-misnumbered' | 'regulation-2007';

export interface Citation {
  kind: CitationKind;
  text: string;
  start: number;
  end: number;
}

const NUMBER_BRACKETS = '[〔【\\[［(（]\\s*';
const NUMBER_CLOSE = '\\s*[〕】\\]］)）]';
const DOC_NO_RE = new RegExp(`(国办[\\u4e00-\\u9fff]{0,4}函)\\s*${NUMBER_BRACKETS}((?:19|20)\\d{2})${NUMBER_CLOSE}\\s*(\\d{1,4})\\s*号`, 'g');
const FORMAT_NAME = /年度报告(?:统一)?格式|年报格式/;
const KNOWN_FORMAT_NOTICES: Record<string, { year: number; no: number }> = { '2019': { year: 2019, no: 60 }, '2021': { year: 2021, no: 30 } };
const TRIAL = /试行/;
const REG_2007 = /(?:国务院令|国令) ?第? ?492 ?号|第 ?492 ?号 ?(?:国务院)?令/g;
const REG_2019 = /711\s*号|修订|2019/;

function citationsIn(p: Paragraph, out: Citation[]): void {
  const t = p.text;
  for (const m of t.matchAll(DOC_NO_RE)) {
    const year = Number(m[2]);
    const no = Number(m[3]);
    const s = sentenceAround(t, m.index!);
    const before = t.slice(Math.max(s.from, m.index! - 80), m.index!);
    const aboutFormat = FORMAT_NAME.test(before) || /公开办函/.test(m[1]);
    if (!aboutFormat) continue;
    const span = spanOf(p, m.index!, m.index! + m[0].length);
    const isFormatName = FORMAT_NAME.test(before);
    if (m[1] === '国办公开办函' && year === 2019 && no === 60) out.push({ kind: 'format-2019', text: m[0], ...span });
    else if (m[1] === '国办公开办函' && year === 2021 && no === 30) {
      // The 2021 notice cited under the trial format's name.
      const name = /《[^《》]*》\s*[^《》]{0,6}$/.exec(before)?.[0] ?? '';
      out.push({ kind: TRIAL.test(name) && FORMAT_NAME.test(name) ? 'format-trial' : 'format-2021', text: m[0], ...span });
    } else if (isFormatName) {
      // Named as the format notice, numbered as neither of the two.
      const near = Object.values(KNOWN_FORMAT_NOTICES).some((k) => k.year === year || k.no === no);
      if (near) out.push({ kind: 'format-misnumbered', text: m[0], ...span });
    }
  }
  // The trial format by name, without a number.
  for (const m of t.matchAll(/《[^《》]{0,40}年度报告格式[（(]试行[）)][^《》]{0,4}》/g)) {
    const after = t.slice(m.index! + m[0].length, m.index! + m[0].length + 30);
    if (new RegExp(DOC_NO_RE.source).test(after)) continue;
    out.push({ kind: 'format-trial', text: m[0], ...spanOf(p, m.index!, m.index! + m[0].length) });
  }
  for (const m of t.matchAll(REG_2007)) {
    const s = sentenceAround(t, m.index!);
    const sentence = t.slice(s.from, s.to);
    if (REG_2019.test(sentence)) continue; // "2007年…第492号公布，2019年…第711号修订" names the history, not the basis
    out.push({ kind: 'regulation-2007', text: m[0], ...spanOf(p, m.index!, m.index! + m[0].length) });
  }
}


export interface ArticleRef {
  article: number;
  start: number;
  end: number;
  /** The sentence is about compiling, publishing or the deadline of the annual report. */
  aboutReport: boolean;
}

const REGULATION_NAME = /《(?:中华人民共和国)?政府信息公开条例》|《条例》/g;
const ARTICLE_RE = /第\s*([一二三四五六七八九十百]{1,4}|\d{1,3})\s*条/g;
/** The sentence is about compiling or publishing this report, or about the deadline: 编制本年度报告, 本报告根据, 3月31日前. */
const REPORT_SENTENCE = /(?:编制|公布|发布)了?本年?度?报告|本年?度?报告(?:由|根据|依据|按照)|(?:1|3|一|三)月31日前/;
function aboutReportSentence(s: string): boolean {
  return s.length <= 150 && REPORT_SENTENCE.test(s);
}

function articlesIn(p: Paragraph, out: ArticleRef[], shortIsRegulation: boolean): void {
  const t = p.text;
  for (const m of t.matchAll(REGULATION_NAME)) {
    if (m[0] === '《条例》' && !shortIsRegulation) continue;
    const s = sentenceAround(t, m.index!);
    // The articles that follow the name in this sentence, until another document is named.
    const tailEnd = (() => {
      const next = t.indexOf('《', m.index! + m[0].length);
      return next >= 0 && next < s.to ? next : s.to;
    })();
    const tail = t.slice(m.index! + m[0].length, tailEnd);
    const sentence = t.slice(s.from, s.to);
    const aboutReport = aboutReportSentence(sentence);
    // Only a chain directly after the name: 《条例》第十九条、第二十条 / 第十四条至第十六条 / （国令第711号）第五十条.
    const lead = /^(?:\s*[（(][^（()）]{0,20}[）)])?\s*/.exec(tail)![0].length;
    const chain = /^(?:第\s*(?:[一二三四五六七八九十百]{1,4}|\d{1,3})\s*条(?:\s*第\s*[一二三四五六七八九十\d]+\s*款)?(?:\s*第\s*[（(]\s*[一二三四五六七八九十\d]+\s*[）)]\s*项)?\s*(?:[、，,和及与至到]\s*)?)+/.exec(tail.slice(lead));
    if (!chain) continue;
    const base = m.index! + m[0].length + lead;
    const single = [...chain[0].matchAll(ARTICLE_RE)].length === 1;
    // Only an article given as the basis (根据《条例》第五十条…编制) is read as what the report rests on.
    const basis = aboutReport && single && /(?:根据|依据|按照|依照)\s*$/.test(t.slice(Math.max(s.from, m.index! - 6), m.index!));
    for (const a of chain[0].matchAll(ARTICLE_RE)) {
      const n = numeral(a[1]);
      if (n === null) continue;
      out.push({ article: n, aboutReport: basis, ...spanOf(p, base + a.index!, base + a.index! + a[0].length) });
    }
  }
}

/** Every citation and article reference of the report's paragraphs. */
export function readCitations(report: Report, paras: Paragraph[]): { citations: Citation[]; articles: ArticleRef[] } {
  const citations: Citation[] = [];
  const articles: ArticleRef[] = [];
  // 《条例》 is the regulation unless the report gives that short name to another 条例.
  const alias = /《([^《》]{2,40})》[^《》。]{0,12}以下简称《条例》/.exec(report.tree.text);
  const shortIsRegulation = !alias || /^(?:中华人民共和国)?政府信息公开条例$/.test(alias[1]);
  for (const p of paras) {
    citationsIn(p, citations);
    articlesIn(p, articles, shortIsRegulation);
  }
  return { citations, articles };
}
