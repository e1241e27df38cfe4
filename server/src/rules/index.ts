/**
 * The rule registry, in reporting order. To add a rule: write `rules/<id>.ts` exporting `rule`,
 * list it here, and add `test/fixtures/rules/<id>/` with valid-, invalid- and fixed files.
 */
import type { Rule } from './rule';
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
import { rule as textTableMismatch } from './text-table-mismatch';
import { rule as percentage } from './percentage';
import { rule as selfContradiction } from './self-contradiction';

export const RULES: readonly Rule[] = [
  missingSection, sectionOrder, sectionNumbering, title, formatVersion, officialWording, tableShape,
  cellValue, blankCell, rowTotal, columnTotal, balance, reviewTotal,
  textTableMismatch, percentage, selfContradiction,
];

export type { Rule } from './rule';
