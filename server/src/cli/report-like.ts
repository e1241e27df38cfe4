/**
 * Whether a text found in a folder could be a report at all. A `.txt` or `.md` whose opening part has
 * no report title, none of the six section headings and no table label (a README, notes, a licence)
 * is skipped and counted as skipped instead of getting seven missing-section errors. Anything that
 * looks like a report is checked, so a report with a missing or garbled title still gets its finding.
 * Pure.
 */
import { SECTIONS } from '../model/template';

/** How much of the text is looked at: the title, the first headings and table 一 lie well within it. */
export const OPENING_CHARS = 20_000;

const TITLE = /信息公开|年度报告|年报/;
const TABLE_LABEL = /第二十条第|申请人情况|本年新收|本年度办理结果|行政复议|表\s*[一二三四1-4]/;
const HEADING_MAX = 60;

export function looksLikeReport(text: string): boolean {
  const opening = text.slice(0, OPENING_CHARS);
  if (TITLE.test(opening) || TABLE_LABEL.test(opening)) return true;
  for (const line of opening.split('\n')) {
    const l = line.trim();
    if (!l || l.length > HEADING_MAX) continue;
    if (SECTIONS.some((s) => s.variants.some((v) => l.includes(v)) || s.keys.some((group) => group.every((k) => l.includes(k))))) return true;
  }
  return false;
}
