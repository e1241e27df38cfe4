import type { Report } from '../model/report';
import { SECTIONS } from '../model/template';
import { Rule, msg } from './rule';

/**
 * Section 五 (problems and improvements) must say something: empty or only "无" is not a report of the
 * year's problems. Section 一 must have content. Section 六 may be "无". A prose section (一, 五, 六) that
 * still holds a placeholder — the new-report skeleton's `（概述……）`, or any bracketed instruction such
 * as `（请填写……）` standing alone — is unfilled: an error, so a skeleton saved untouched is never clean.
 * A section whose heading appears twice (a table of contents, a pasted duplicate) is left alone: its
 * extent is not certain.
 */
export const rule: Rule = {
  id: 'empty-section',
  names: msg('空章节', 'empty section'),
  description: msg('第五部分为空或仅写“无”，第一部分没有内容，或章节仍是模板占位文字', 'Section 五 is empty or only "无", section 一 has no content, or a section still holds placeholder text'),
  tags: ['content', 'structure'],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    reports: 'section 五 empty or only "无"; section 一 empty; section 一, 五 or 六 still holding placeholder text such as the new-report skeleton\'s `（概述……）` (an **error**: the section is unfilled). Section 六 may be "无"',
    fix: '—',
  },
  check({ report, emit }) {
    for (const index of [1, 5, 6]) {
      if (report.headings.filter((h) => h.index === index).length !== 1) continue;
      const c = sectionContent(report, index);
      if (!c || c.hasTable) continue;
      const def = SECTIONS[index - 1];
      const title = def.title['2021'];
      const empty = c.text.trim() === '';
      if (!empty && isPlaceholder(c.text, def.placeholder)) {
        emit({
          start: c.bodyStart, end: c.bodyEnd, severity: 'error',
          message: msg(`第${def.numeral}部分“${title}”仍是模板占位文字，尚未填写：请写明本年度的实际情况（《条例》${def.article}）`,
            `Section ${def.numeral} "${title}" still holds placeholder text and is unfilled: write what happened this year (article 50)`),
        });
      } else if (index === 1 && empty) {
        emit({ start: c.start, end: c.end, message: msg(`第一部分“${title}”没有内容`, `Section 一 "${title}" has no content`) });
      } else if (index === 5 && (empty || saysNothing(c.text))) {
        emit({
          start: c.start, end: c.end,
          message: msg(`第五部分“${title}”${empty ? '为空' : '仅写“无”'}：应报告本年工作存在的主要问题及改进情况（《条例》第五十条第（四）项）`,
            `Section 五 "${title}" is ${empty ? 'empty' : 'only "无"'}: it must report the year's main problems and improvements (article 50(4))`),
        });
      }
    }
  },
};

// ------------------------------------------------------------------ detection

interface Content { text: string; hasTable: boolean; start: number; end: number; bodyStart: number; bodyEnd: number }

/**
 * The text of a section after its heading title, whether it holds a table, the heading's extent, and the
 * extent of the text (from its first to its last non-blank character; the heading when there is none).
 */
function sectionContent(report: Report, index: number): Content | null {
  const s = report.sections.find((x) => x.index === index);
  if (!s) return null;
  const lines = report.tree.lines;
  const pieces: { text: string; start: number }[] = [
    { text: lines[s.startLine].text.slice(s.heading.titleEnd - lines[s.startLine].start), start: s.heading.titleEnd },
  ];
  for (let i = s.startLine + 1; i <= s.endLine && i < lines.length; i++) pieces.push({ text: lines[i].text, start: lines[i].start });
  const hasTable = report.tables.some((t) => t.startLine > s.startLine && t.startLine <= s.endLine);
  let bodyStart = s.heading.line.start;
  let bodyEnd = s.heading.titleEnd;
  const filled = pieces.filter((p) => p.text.trim() !== '');
  if (filled.length) {
    const first = filled[0];
    const last = filled[filled.length - 1];
    bodyStart = first.start + (first.text.length - first.text.trimStart().length);
    bodyEnd = last.start + last.text.trimEnd().length;
  }
  return { text: pieces.map((p) => p.text).join('\n'), hasTable, start: s.heading.line.start, end: s.heading.titleEnd, bodyStart, bodyEnd };
}

/**
 * Placeholder text: the template's own placeholder for the section, or a lone bracketed instruction to the
 * writer (`（概述……）`, `（请填写……）`, `【此处填写……】`) and nothing else.
 */
export function isPlaceholder(text: string, template?: string): boolean {
  const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  const t = squash(text);
  if (template && t === squash(template)) return true;
  // Not 报告…/说明…: a real section may be one bracketed sentence such as （报告期内未收取信息处理费）.
  return /^[(\[【〔](?:概述|简述|请填写|请在此|请根据|请按|此处填写|此处写|在此填写|待填写|待补充|填写)[^()[\]【】〔〕]{0,80}[)\]】〕]$/.test(t);
}

/** Text that only says "nothing": 无, 暂无, 无。, 没有. */
export function saysNothing(text: string): boolean {
  const t = text.normalize('NFKC').replace(/[\s。.，,；;：:！!*#\-—]/g, '');
  return /^(?:无|暂无|没有|本年度无|本年无|无相关情况|无相关内容|无此项|无此类情况)$/.test(t);
}
