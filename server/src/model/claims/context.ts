/** What the claims reader carries from clause to clause, and the helpers every part of it uses. */
import { Segment, offsetAt } from '../segments';
import type { Claim, CountClaim, DatedClaim, Quantity, Span, Topic } from './types';

export interface Ctx {
  /** Clauses left to read: a report has a few hundred at most. */
  budget: number;
  agency: string | null;
  year: number | null;
  claims: Claim[];
  /** Counts of sentences about one other year, read as if it were the report's. */
  dated: DatedClaim[];
  /** The last stated total of applications in the paragraph: the base of a share stated later. */
  paraBase: CountClaim | null;
  /** Line ranges of section 四 (review and litigation), where the topic is implied. */
  section4: { start: number; end: number } | null;
}

const BASE_Q: Quantity[] = ['received', 'new', 'handled', 'answered'];

const TOPICS: Quantity[] = ['review', 'litigation', 'direct', 'after'];

export function isTopic(q: Quantity | undefined): q is Topic {
  return !!q && TOPICS.includes(q);
}

export function mentionsApplications(text: string): boolean {
  return text.replace(/被申请|复议申请|申请行政复议|申请复议/g, '').includes('申请');
}

export function span(seg: Segment, from: number, to: number): Span {
  return { start: offsetAt(seg, from), end: offsetAt(seg, to - 1) + 1, phrase: seg.text.slice(from, to).trim() };
}
