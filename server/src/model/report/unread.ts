/**
 * A section's table that is there but could not be read: its lines hold the table's words and a run of
 * figures, yet no table of that kind came out of them (a layout no reader knows, a scrambled extraction).
 * Saying such a table is missing would be untrue; the rules say it could not be read.
 */
import type { Line } from '../../syntax/parse';
import { TABLE_HINTS, TableKind } from '../template';
import { normalizeLabel } from '../text';
import type { Section } from './types';

/** Figures alone on a line, however separated (`3001`, `\t12`, `| 0 | 5 |`, `1,286 3 0`). */
const FIGURES_ONLY = /^[\s|｜\d.,，０-９%-]+$/;
const HAS_DIGIT = /[0-9０-９]/;
/** A line longer than this is prose, not a table's label. */
const MAX_LABEL = 64;
/** Lines of figures a table leaves, at least, before it counts as there. */
const MIN_FIGURES = 3;

/**
 * The first line in the section that names the table (a row or header word of it), when the section also
 * holds at least three lines of figures alone; null when nothing in the section looks like that table.
 */
export function unreadTable(lines: Line[], section: Section, kind: TableKind): Line | null {
  let figures = 0;
  let first: Line | null = null;
  for (let i = section.startLine + 1; i <= section.endLine && i < lines.length; i++) {
    const t = lines[i].text.trim();
    if (!t) continue;
    if (FIGURES_ONLY.test(t) && HAS_DIGIT.test(t)) figures++;
    else if (!first && (t.length <= MAX_LABEL || /[\t|｜]/.test(t)) && !/[。；]/.test(t)) {
      const n = normalizeLabel(t);
      if (TABLE_HINTS[kind].some((w) => n.includes(w))) first = lines[i];
    }
  }
  return first && figures >= MIN_FIGURES ? first : null;
}
