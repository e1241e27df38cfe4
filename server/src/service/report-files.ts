/**
 * Which files of a workspace are reports: by name (*.ogi, *.ogi.txt, *.ogi.md, names with
 * 政府信息公开 and 年度报告/年报), or plain text and Markdown files whose opening lines carry a report
 * title — the same test the editor uses to switch a pasted report to the report language.
 */

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
