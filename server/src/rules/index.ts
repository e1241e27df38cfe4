/**
 * The rule registry, in reporting order. To add a rule: write `rules/<id>.ts` exporting `rule`,
 * list it here, and add `test/fixtures/rules/<id>/` with valid-, invalid- and fixed files.
 */
import type { Rule, RuleTag } from './rule';
import { rule as missingSection } from './missing-section';
import { rule as sectionOrder } from './section-order';
import { rule as sectionNumbering } from './section-numbering';
import { rule as title } from './title';
import { rule as formatVersion } from './format-version';
import { rule as officialWording } from './official-wording';
import { rule as tableShape } from './table-shape';
import { rule as cellValue } from './cell-value';
import { rule as blankCell } from './blank-cell';
import { rule as rowTotal } from './row-total';
import { rule as columnTotal } from './column-total';
import { rule as balance } from './balance';
import { rule as reviewTotal } from './review-total';
import { rule as carryOver } from './carry-over';
import { rule as inForceRollforward } from './in-force-rollforward';
import { rule as yearOverYear } from './year-over-year';
import { rule as copiedText } from './copied-text';
import { rule as rollupTotal } from './rollup-total';
import { rule as yearConsistency } from './year-consistency';
import { rule as outdatedBasis } from './outdated-basis';
import { rule as statuteReference } from './statute-reference';
import { rule as emptySection } from './empty-section';
import { rule as assessmentDisclosure } from './assessment-disclosure';
import { rule as regulationAuthority } from './regulation-authority';
import { rule as feeAmount } from './fee-amount';
import { rule as publicationDate } from './publication-date';
import { rule as conversionArtifact } from './conversion-artifact';
import { rule as repeatedWord } from './repeated-word';
import { rule as punctuation } from './punctuation';
import { rule as textTableMismatch } from './text-table-mismatch';
import { rule as percentage } from './percentage';
import { rule as selfContradiction } from './self-contradiction';

export const RULES: readonly Rule[] = [
  missingSection, sectionOrder, sectionNumbering, title, formatVersion, officialWording, tableShape,
  cellValue, blankCell, rowTotal, columnTotal, balance, reviewTotal,
  carryOver, inForceRollforward, yearOverYear, copiedText, rollupTotal,
  yearConsistency, outdatedBasis, statuteReference, emptySection, assessmentDisclosure, regulationAuthority, feeAmount, publicationDate, conversionArtifact, repeatedWord, punctuation,
  textTableMismatch, percentage, selfContradiction,
];

/** The ids of the rules carrying `tag`, in registry order. */
export function ruleIdsTagged(tag: RuleTag): string[] {
  return RULES.filter((r) => r.tags.includes(tag)).map((r) => r.id);
}

export type { Rule } from './rule';
