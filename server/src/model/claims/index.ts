/**
 * What the prose states: every numeric or yes/no statement the engine can read with certainty from
 * the narrative (收到申请 3119 件, 予以公开及部分公开 258 件, 行政复议 7 件, 均获维持, 未收取信息处理费,
 * 占 45.6%), with the quantity it speaks of, its value, unit and exact range. A number is read only
 * when its clause names exactly one known quantity and every other word of the clause is a known
 * filler (time, scope, adverbs); anything else is uncertain and left out. Rules compare these claims
 * with the tables (see rules/lib/claim-check.ts); they never scan the text themselves.
 */
import type { Report } from '../report';
import { PART_STOPS, SENTENCE_STOPS, paragraphs, splitSegment } from '../segments';
import { Ctx, mentionsApplications } from './context';
import { appendMoved, readingKey, recall, remember } from './recall';
import { INFO_RE, readSentence } from './sentence';
import type { Claim, DatedClaim } from './types';
import { Memo } from '../../base/memo';

export type { AllClaim, Claim, CountClaim, DatedClaim, FeeClaim, NoneClaim, Part, PercentClaim, Quantity, SettledClaim, Topic } from './types';

const MAX_PROSE = 200_000;
const SENTENCE_END = '。！？!?；;';

const CACHE = new Memo<Report, { claims: Claim[]; dated: DatedClaim[] }>();

/** Every claim the prose of the report makes, in text order (computed once per report). */
export function readClaims(report: Report): Claim[] {
  return read(report).claims;
}

/** The counts the prose states of one other year (2021年，全年收到申请86件 in a 2022 report), in text order. */
export function readDatedClaims(report: Report): DatedClaim[] {
  return read(report).dated;
}

function read(report: Report): { claims: Claim[]; dated: DatedClaim[] } {
  const cached = CACHE.get(report);
  if (cached) return cached;
  const s4 = report.sections.find((s) => s.index === 4);
  const lines = report.tree.lines;
  const section4 = s4 ? { start: lines[s4.startLine].start, end: lines[Math.min(s4.endLine, lines.length - 1)].end } : null;
  const ctx: Ctx = { budget: 2000, agency: report.agency, year: report.year, claims: [], dated: [], paraBase: null, section4 };
  try {
    let heading = { apps: false, info: false };
    let total = 0;
    for (const para of paragraphs(report)) {
      // A report's prose is a few tens of thousands of characters; beyond this the input is not a report we read.
      if ((total += para.text.length) > MAX_PROSE) break;
      // A sub-heading line ("（三）政府信息公开行政复议、行政诉讼情况") sets the subject of the paragraph under it.
      let prev = heading;
      const trimmed = para.text.trim();
      heading = trimmed.length <= 40 && !SENTENCE_END.includes(trimmed[trimmed.length - 1] ?? '')
        ? { apps: mentionsApplications(trimmed), info: INFO_RE.test(trimmed) }
        : { apps: false, info: false };
      ctx.paraBase = null;
      // What the paragraph's reading depends on besides its own text: see readingKey.
      const key = readingKey(para, prev, ctx);
      const known = key === null ? undefined : recall(key, ctx.budget);
      if (known) {
        ctx.budget -= known.clauses;
        appendMoved(known, para.offsets[para.base], ctx);
        continue;
      }
      const from = { claims: ctx.claims.length, dated: ctx.dated.length, budget: ctx.budget };
      // A sentence's parts separated by ；share its subject: the domain is that of the whole sentence.
      for (const sentence of splitSegment(para, SENTENCE_STOPS)) {
        const whole = { apps: mentionsApplications(sentence.text), info: INFO_RE.test(sentence.text) };
        const domain = { apps: prev.apps || whole.apps, info: prev.info || whole.info };
        for (const part of splitSegment(sentence, PART_STOPS)) readSentence(part, domain, ctx);
        prev = whole;
      }
      if (key !== null && ctx.budget >= 0) remember(key, para.offsets[para.base], from, ctx);
    }
  } catch {
    // Reading prose must never take the analysis down; a failure means no claims.
    ctx.claims.length = 0;
    ctx.dated.length = 0;
  }
  const out = { claims: ctx.claims, dated: ctx.dated };
  CACHE.set(report, out);
  return out;
}

