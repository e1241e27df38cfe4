/**
 * What the report says about itself, read once: the years it presents as the reporting year, the
 * statistics period, the documents and articles it cites, the 落款 date and the kind and level of the body
 * that wrote it. Everything carries exact offsets; anything the text does not make certain is left out
 * (null or absent), so that rules report only what is sure. The word lists live in model/vocabulary.
 */
import type { Report } from '../report';
import { paragraphs } from '../segments';
import { Body, bodyOf } from './body';
import { ArticleRef, Citation, readCitations } from './citations';
import { DateMention, signedDate } from './dates';
import { Period, YearClaim, YearTypo, readYears } from './years';
import { Memo } from '../../base/memo';

export type { Body, BodyKind, BodyLevel } from './body';
export { classifyBody } from './body';
export type { ArticleRef, Citation, CitationKind } from './citations';
export type { DateMention } from './dates';
export type { Period, YearClaim, YearTypo } from './years';

export interface Facts {
  yearClaims: YearClaim[];
  yearTypos: YearTypo[];
  period: Period | null;
  citations: Citation[];
  articles: ArticleRef[];
  /** The 落款 date or a stated publication date, when the document shows one. */
  signed: DateMention | null;
  body: Body | null;
}

const CACHE = new Memo<Report, Facts>();

/** The facts of a report (computed once per report). */
export function readFacts(report: Report): Facts {
  let f = CACHE.get(report);
  if (!f) {
    const paras = paragraphs(report);
    // Every field named: a spread followed by more fields makes a new hidden class each time in V8 (Node 20).
    const { yearClaims, yearTypos, period } = readYears(report, paras);
    const { citations, articles } = readCitations(report, paras);
    f = { yearClaims, yearTypos, period, citations, articles, signed: signedDate(report), body: bodyOf(report) };
    CACHE.set(report, f);
  }
  return f;
}
