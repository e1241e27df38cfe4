/**
 * This year's figures dated last year: a count the prose states of the year before the report's
 * (2021年，全年收到申请86件 in a 2022 report) that this report's tables give, and last year's report, when
 * the workspace has it, does not. Read from the claims (model/claims: readDatedClaims) and the readings of
 * claim-check.ts; year-consistency reports them.
 */
import { DatedClaim, readDatedClaims } from '../../model/claims';
import type { Report } from '../../model/report';
import { Reading, agrees, readingsOf, tablesOf } from './claim-check';

export interface DatedCheck {
  dated: DatedClaim;
  /** This report's reading that gives the figure. */
  thisYear: Reading;
  /** Last year's readings of the same quantity ([] without last year's report or its figure). */
  lastYear: Reading[];
}

/** Below this, a figure of last year equal to this year's is as likely a coincidence as a misdated statement. */
const MIN_UNCONFIRMED = 10;

/**
 * The dated counts that are this year's figures. `previous` is last year's report (null when unknown): a
 * figure it gives too is last year's after all (its statement is verified), and is returned in `verified`.
 */
export function checkDated(report: Report, previous: Report | null): { misdated: DatedCheck[]; verified: DatedClaim[] } {
  const misdated: DatedCheck[] = [];
  const verified: DatedClaim[] = [];
  if (report.year === null) return { misdated, verified };
  const dated = readDatedClaims(report).filter((d) => d.year === report.year! - 1);
  if (!dated.length) return { misdated, verified };
  const tables = tablesOf(report);
  const before = previous ? tablesOf(previous) : null;
  for (const d of dated) {
    const c = d.claim;
    const lastYear = before ? readingsOf(c.quantity, c.part, before, c.columns) : [];
    if (lastYear.some((rd) => agrees(c.value, rd))) {
      verified.push(d);
      continue;
    }
    if (c.value === 0 || (!lastYear.length && c.value < MIN_UNCONFIRMED)) continue;
    const thisYear = readingsOf(c.quantity, c.part, tables, c.columns).find((rd) => agrees(c.value, rd));
    if (thisYear) misdated.push({ dated: d, thisYear, lastYear });
  }
  // A sentence with one figure that is last year's is about last year: its other figures are not misdated.
  const lastYears = new Set(verified.map((d) => d.yearStart));
  return { misdated: misdated.filter((m) => !lastYears.has(m.dated.yearStart)), verified };
}

/** A figure with the words before it: 主动公开政府信息86条. */
/** In compact text (no spaces): the two to four characters before a figure and its unit; bounded, so linear. */
const FIGURE_RE = /([\u4e00-\u9fff]{2,4})([0-9]+)(件|条|篇|个|期|次|项|场|批)/g;
const compact = (s: string) => s.replace(/\s+/g, '');

/**
 * Whether last year's report states every figure of `sentence` with the same words before it (主动公开政府信息86条):
 * the sentence then speaks of last year indeed, whatever year it names.
 */
export function saidLastYear(sentence: string, previousText: string): boolean {
  const figures = [...compact(sentence).matchAll(FIGURE_RE)];
  if (!figures.length) return false;
  const before = compact(previousText);
  return figures.every((m) => before.includes(`${m[1]}${m[2]}${m[3]}`));
}
