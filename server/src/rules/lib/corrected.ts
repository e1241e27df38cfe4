/**
 * The prose's claims against the tables as the identity findings correct them. When the identities
 * (or the report's evidence, lib/evidence.ts) say a cell is wrong and what it should be, a prose figure
 * that agrees with that value is right, and the cell's identity finding is the one finding of the
 * problem: the rules that set prose against the tables (text-table-mismatch, percentage) stay silent on it.
 */
import type { Localization } from '../../model/error-location';
import type { Report, TypedCell } from '../../model/report';
import type { RuleContext } from '../rule';
import { type Check, checkClaims, checkClaimsCorrected } from './claim-check';
import type { EvidenceSource } from './evidence';
import { decidedCells } from './identities';

/** Each culprit cell's value, and the cells of a candidate set the evidence decided. */
export function corrections(ctx: RuleContext): Map<TypedCell, number> {
  return correctionsOf(ctx.localization, ctx);
}

/** The same, from a localization and the evidence at hand (the hover has the analysis, not a rule context). */
export function correctionsOf(loc: Localization, src: EvidenceSource): Map<TypedCell, number> {
  const fix = new Map<TypedCell, number>(loc.culprits.map((c) => [c.cell, c.expected]));
  for (const [cell, value] of decidedCells(loc, src)) fix.set(cell, value);
  return fix;
}

/**
 * A test for the checks of `checkClaims(ctx.report)`: whether the `i`-th, a mismatch as printed, agrees
 * with the tables once corrected (computed on first use).
 */
export function agreesOnceCorrected(ctx: RuleContext): (i: number) => boolean {
  return agreesWhenCorrected(ctx.report, () => corrections(ctx));
}

/** The same test with the corrections given (the hover's, from the analysis). */
export function agreesWhenCorrected(report: Report, fix: () => ReadonlyMap<TypedCell, number>): (i: number) => boolean {
  let corrected: Check[] | null = null;
  const checks = checkClaims(report);
  return (i) => {
    corrected ??= checkClaimsCorrected(report, fix());
    return corrected[i]?.claim === checks[i]?.claim && corrected[i].verdict === 'match';
  };
}
