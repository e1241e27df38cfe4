import type { Report } from '../model/report';
import { countTrailing } from '../syntax/parse';
import { Rule, msg } from './rule';

const WHAT: Record<string, [string, string]> = {
  bookmark: ['Word 书签标记', 'a Word bookmark marker'],
  'form-feed': ['分页符', 'a form feed'],
  'zero-width': ['零宽字符', 'zero-width characters'],
  'page-number': ['页码行', 'a page-number line'],
  'glued-page-number': ['与正文粘连的页码', 'a page number glued to the text'],
};

/** Leftovers of Word or PDF conversion. The fix deletes them. */
export const rule: Rule = {
  id: 'conversion-artifact',
  names: msg('转换残留', 'conversion leftover'),
  description: msg('文档转换残留（书签标记、分页符、页码行、零宽字符）', 'Leftovers of Word or PDF conversion (bookmarks, form feeds, page numbers, zero-width characters)'),
  tags: ['wording'],
  defaultSeverity: 'hint',
  fixable: true,
  docs: {
    reports: '`[bookmark: _GoBack]`, form feeds, page-number lines (`- 3 -`), page numbers glued to text, zero-width characters',
    fix: 'deletes them',
  },
  check({ report, emit }) {
    for (const a of conversionArtifacts(report)) {
      const [zh, en] = WHAT[a.kind];
      emit({
        start: a.start, end: a.end,
        message: msg(`文档转换残留：${zh}，应删除`, `Conversion leftover: ${en}; delete it`),
        fix: { title: msg(`删除${zh}`, `Delete ${en}`), kind: 'safe', edits: a.deletes.map((d) => ({ ...d, newText: '' })) },
      });
    }
  },
};

// ------------------------------------------------------------------ detection

interface Artifact {
  kind: 'bookmark' | 'form-feed' | 'zero-width' | 'page-number' | 'glued-page-number';
  start: number;
  end: number;
  /** What deleting it removes (a page-number line goes with its line break, and with the form feed of the same page break). */
  deletes: { start: number; end: number }[];
  line: number;
}

const DASH = '[-—–－]';
const PAGE_LINE = new RegExp(`^\\s*(?:${DASH}\\s*\\d{1,3}\\s*${DASH}|第\\s*\\d{1,3}\\s*页(?:\\s*[，,/]?\\s*共\\s*\\d{1,3}\\s*页)?)\\s*$`);
const PAGE_LEAD = new RegExp(`^\\s*${DASH}\\s*\\d{1,3}\\s*${DASH}\\s*(?=[\\u4e00-\\u9fff（(一二三四五六七八九十])`);
const PAGE_TAIL = new RegExp(`(?<=[\\u4e00-\\u9fff）)。])\\s*${DASH}\\s*\\d{1,3}\\s*${DASH}\\s*$`);
const INLINE_ARTIFACTS: RegExp[] = [/\f+/g, /[\u200B-\u200D\u2060\u00AD\uFEFF]+/g];
const ANY_INLINE = /[\f\u200B-\u200D\u2060\u00AD\uFEFF]/;
const BOOKMARK = '[bookmark:';
const DASHES = '-—–－';

function conversionArtifacts(report: Report): Artifact[] {
  const out: Artifact[] = [];
  const lines = report.tree.lines;
  for (const line of lines) {
    const t = line.text;
    if (PAGE_LINE.test(t) && t.trim()) {
      const lead = t.length - t.trimStart().length;
      const next = lines[line.index + 1];
      const [ds, de] = next ? [line.start, next.start] : [line.index > 0 ? lines[line.index - 1].end : line.start, line.end];
      out.push({ kind: 'page-number', start: line.start + lead, end: line.start + t.trimEnd().length, deletes: [{ start: ds, end: de }], line: line.index });
      continue;
    }
    const lead = PAGE_LEAD.exec(t);
    if (lead) out.push({ kind: 'glued-page-number', start: line.start, end: line.start + lead[0].length, deletes: [{ start: line.start, end: line.start + lead[0].length }], line: line.index });
    const end = t[t.length - 1 - countTrailing(t, /\s/)]; // the last visible character (none on a blank line)
    const tail = end && DASHES.includes(end) ? PAGE_TAIL.exec(t) : null;
    if (tail) out.push({ kind: 'glued-page-number', start: line.start + tail.index, end: line.end, deletes: [{ start: line.start + tail.index, end: line.end }], line: line.index });
    const found: { index: number; text: string }[] = [];
    for (let i = t.indexOf(BOOKMARK); i >= 0; i = t.indexOf(BOOKMARK, i + 1)) {
      const close = t.indexOf(']', i);
      if (close > i && close - i <= 90) found.push({ index: i, text: t.slice(i, close + 1) });
    }
    if (ANY_INLINE.test(t)) for (const re of INLINE_ARTIFACTS) for (const m of t.matchAll(re)) found.push({ index: m.index!, text: m[0] });
    for (const f of found.sort((a, b) => a.index - b.index)) {
      const at = line.start + f.index;
      if (at === 0 && f.text === '\uFEFF') continue; // a byte-order mark at the start is encoding, not content
      const kind = f.text.startsWith('[') ? 'bookmark' : f.text.startsWith('\f') ? 'form-feed' : 'zero-width';
      // One page break is one finding: a form feed just after a page-number line goes with it.
      const page = kind === 'form-feed' ? out.find((a) => a.kind === 'page-number' && a.line >= line.index - 2 && a.line < line.index) : undefined;
      if (page) page.deletes.push({ start: at, end: at + f.text.length });
      else out.push({ kind, start: at, end: at + f.text.length, deletes: [{ start: at, end: at + f.text.length }], line: line.index });
    }
  }
  return out;
}
