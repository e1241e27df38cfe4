/**
 * The verdict on a breakdown of the prose (model/claims/breakdown.ts), shared by breakdown-sum and
 * percentage so that one problem is one finding: a whole whose parts do not add up, and the shares of its
 * parts that were taken of the parts' sum instead of the whole (evidence that the whole is the wrong figure).
 */
import type { Breakdown, Share } from '../../model/claims/breakdown';
import { gives } from './claim-check';

export const sumOf = (b: Breakdown) => b.parts.reduce((a, p) => a + p.value, 0);

/** Whether breakdown-sum reports the breakdown: its parts do not add up, and the list is whole by its wording. */
export function reportedSum(b: Breakdown): boolean {
  const sum = sumOf(b);
  if (sum === b.total.value) return false;
  // Channels overlap (an item on the website and on WeChat) and are seldom all named: only a closed list of them is added up.
  if (b.channels && !b.closed) return false;
  // Two parts short of the whole are as often a partial list as a slip: read only lists of three or more.
  if (sum < b.total.value && !b.closed && b.parts.length < 3) return false;
  // A part as large as the whole is another dimension, not a piece of it.
  if (b.parts.some((p) => p.value >= b.total.value)) return false;
  // Shares of the parts all taken of the stated whole: the writer knows the whole, and names some parts only.
  return !(sum < b.total.value && b.shares.length > 0 && b.shares.every((s) => gives(b.parts[s.part].value, b.total.value, s.value, s.decimals)));
}

/** A share of a part that the part over the whole does not give, but the part over the sum of the parts does. */
export function takenOfSum(b: Breakdown, s: Share): boolean {
  const part = b.parts[s.part];
  const sum = sumOf(b);
  return sum !== b.total.value && !gives(part.value, b.total.value, s.value, s.decimals) && gives(part.value, sum, s.value, s.decimals);
}
