/**
 * Completion: the six section headings, table row labels and statute references, all from the
 * template and the statute data, in the version the report uses. The details follow the locale; the
 * labels and documentation are the official (Chinese) wording.
 */
import { Locale, msg, text } from '../base/msg';
import type { Analysis } from './analyze';
import { SECTIONS, T2_ITEMS, T3_ROWS, sectionTitle, versionForYear } from '../model/template';
import { ARTICLES, renderArticle } from './statute';

export interface CompletionEntry {
  label: string;
  kind: 'section' | 'row' | 'statute';
  detail: string;
  documentation: string;
  insertText: string;
  sortText: string;
}

const L = {
  section: msg('章节标题', 'Section heading'),
  sectionPresent: msg('章节标题（已存在）', 'Section heading (already present)'),
  t3Row: msg('表三 行', 'Table 三 row'),
  t2Item: msg('表二 项目', 'Table 二 item'),
  t2Row: msg('表二 ', 'Table 二 '),
  statute: msg('《条例》条文', 'Article of the regulation'),
};

export function completions(a: Analysis, offset: number, locale: Locale = 'zh-cn'): CompletionEntry[] {
  const version = a.report.formatVersion ?? versionForYear(a.report.year);
  const line = a.report.tree.lines.find((l) => l.start <= offset && offset <= l.end);
  const before = line ? a.text.slice(line.start, offset) : '';
  const out: CompletionEntry[] = [];
  const present = new Set(a.report.sections.map((s) => s.index));
  const atLineStart = /^[\s#]*$/.test(before) || /^[\s#]*[一二三四五六]?、?[\u4e00-\u9fff]*$/.test(before);
  if (atLineStart) {
    for (const s of SECTIONS) {
      const title = sectionTitle(s.index, version);
      out.push({
        label: title, kind: 'section', detail: text(present.has(s.index) ? L.sectionPresent : L.section, locale), documentation: s.help,
        insertText: title, sortText: `0${s.index}`,
      });
    }
  }
  for (const def of T3_ROWS[version]) {
    out.push({ label: def.label, kind: 'row', detail: text(L.t3Row, locale), documentation: def.help, insertText: def.label, sortText: `1${def.id}` });
  }
  for (const item of T2_ITEMS) {
    const v = item.versions[version];
    if (!v) continue;
    out.push({ label: item.label, kind: 'row', detail: text(L.t2Item, locale), documentation: `主动公开 ${item.label}`, insertText: item.label, sortText: `2${item.id}` });
    for (const r of v.rows) out.push({ label: r.label, kind: 'row', detail: `${text(L.t2Row, locale)}${item.label}`, documentation: r.help, insertText: r.label, sortText: `2${item.id}${r.id}` });
  }
  for (const [num, art] of Object.entries(ARTICLES)) {
    out.push({
      label: art.title, kind: 'statute', detail: text(L.statute, locale), documentation: renderArticle({ article: num, item: null }) ?? '',
      insertText: art.title, sortText: `3${art.title.length}${art.title}`,
    });
  }
  return out;
}
