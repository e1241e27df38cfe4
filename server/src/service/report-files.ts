/**
 * Which files are reports. The editor's workspace is strict: a report by name (*.ogi, *.ogi.txt, *.ogi.md,
 * names with 政府信息公开 and 年度报告/年报), or a plain text or Markdown file whose opening lines carry a
 * report title (the same test that switches a pasted report to the report language). The command line is
 * lenient (`couldBeReport`): in a folder it skips only what is plainly not a report.
 */
import { SECTIONS } from '../model/template';

const REPORT_EXT = /\.ogi(?:\.txt|\.md)?$/i;
const TEXT_EXT = /\.(?:txt|md|markdown|text)$/i;
const TITLE_RE = /(政府信息公开|政务公开).{0,12}(年度报告|年报|工作报告)/;

/** How a file name decides: a report by name, a text file to look into, or not a report. */
export function reportFileByName(name: string): 'report' | 'maybe' | 'no' {
  if (REPORT_EXT.test(name)) return 'report';
  const at = name.indexOf('政府信息公开');
  if (at >= 0 && /年度报告|年报/.test(name.slice(at)) && TEXT_EXT.test(name)) return 'report';
  if (TEXT_EXT.test(name)) return 'maybe';
  return 'no';
}

/** True when the first six lines of `text` carry a report title. */
export function hasReportTitle(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 6).join('').replace(/\s+/g, '');
  return TITLE_RE.test(head);
}

/** Folders never searched for reports. */
export function skipFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules' || name === 'dist' || name === 'out' || name === 'dist-test';
}

/** How much of a text `couldBeReport` looks at: the title, the first headings and table 一 lie well within it. */
const OPENING_CHARS = 20_000;
const ANY_TITLE = /信息公开|年度报告|年报/;
const TABLE_LABEL = /第二十条第|申请人情况|本年新收|本年度办理结果|行政复议|表\s*[一二三四1-4]/;
const HEADING_MAX = 60;

/**
 * Whether a text found in a folder could be a report at all. One whose opening part has no report title,
 * none of the six section headings and no table label (a README, notes, a licence) is plainly not one; a
 * report with a missing or garbled title still could be, and is checked.
 */
export function couldBeReport(text: string): boolean {
  const opening = text.slice(0, OPENING_CHARS);
  if (ANY_TITLE.test(opening) || TABLE_LABEL.test(opening)) return true;
  for (const line of opening.split('\n')) {
    const l = line.trim();
    if (!l || l.length > HEADING_MAX) continue;
    if (SECTIONS.some((s) => s.variants.some((v) => l.includes(v)) || s.keys.some((group) => group.every((k) => l.includes(k))))) return true;
  }
  return false;
}
