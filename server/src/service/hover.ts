/**
 * Hover help, short enough to read without scrolling: the cited article or item of a statute reference
 * (the whole article behind a link), what a table row counts with its article, what a section must
 * contain, and how a total is computed. Labels, explanations and headings follow the locale; the statute's
 * text, the template's official wording and its help stay as written (Chinese).
 */
import { Locale, msg, text } from '../base/msg';
import type { Analysis } from './analyze';
import { SECTIONS, T2_ITEMS, T3_ROWS, T3_TOTAL_COL } from '../model/template';
import { countValue, groupSum, t4Groups } from '../model/totals';
import { claimHover } from './claim-hover';
import { ARTICLES, articleItem, articleLink, findStatuteRefs, fullWidthItems } from './statute';

export interface HoverResult {
  start: number;
  end: number;
  markdown: string;
}

const ARTICLE_RE = /^第([一二三四五六七八九十]+)条/;

/** The hover's own words in both languages. */
const L = {
  basis: msg('依据：', 'Basis: '),
  fullText: msg('全文', 'full text'),
  fullArticle: msg('', 'Open the whole article'),
  regulation: msg('', 'Regulation '),
  excerpt: msg('（节选）', ' (excerpt)'),
  blank: msg('（空白）', '(blank)'),
  rowSum: msg('本行各申请人列之和', 'the sum of the applicant columns of this row'),
  columnSum: msg('（一）至（六）各结果行本列之和', 'the sum of result rows （一） to （六） in this column'),
  computed: msg('计算值：', 'Computed: '),
  written: msg('表中填写：', 'In the table: '),
  total: msg('总计', 'total'),
  t4Sum: msg('（结果维持 + 结果纠正 + 其他结果 + 尚未审结）', ' (upheld + corrected + other + pending)'),
  dataRow: msg('数据行', 'data row'),
};

export function hover(a: Analysis, offset: number, locale: Locale = 'zh-cn'): HoverResult | null {
  const claim = claimHover(a, offset, locale);
  if (claim) return claim;
  const { report } = a;
  const lines = report.tree.lines;
  const line = lines.find((l) => l.start <= offset && offset <= l.end);
  if (!line) return null;

  for (const ref of findStatuteRefs(a.text, line.start, line.end)) {
    if (offset >= ref.start && offset <= ref.end) {
      const md = renderReference(ref, locale);
      if (md) return { start: ref.start, end: ref.end, markdown: md };
    }
  }

  for (const h of report.headings) {
    if (h.line.index !== line.index || offset < h.numeralStart || offset > h.titleEnd) continue;
    const s = SECTIONS[h.index - 1];
    const item = /第（(.)）项/.exec(s.article)?.[1] ?? null;
    const clause = item ? articleItem('五十', item) : null;
    return {
      start: h.numeralStart, end: h.titleEnd,
      markdown: [`**${s.numeral}、${s.title['2021']}**`, s.help, `${text(L.basis, locale)}《条例》${s.article}${clause ? `：${clause}` : ''} ${articleLink('五十', text(L.fullText, locale))}`].join('\n\n'),
    };
  }

  for (const table of report.tables) {
    if (offset < table.start || offset > table.end) continue;
    for (const row of table.rows) {
      for (const label of row.labelCells) {
        if (offset < label.start || offset > label.end) continue;
        const md = rowHelp(table.kind, row.id, row.item, table.version ?? report.formatVersion ?? '2021', locale);
        if (md) return { start: label.start, end: label.end, markdown: md };
      }
      for (const c of row.cells) {
        if (offset < c.cell.start || offset > c.cell.end) continue;
        const totals = a.t3.find((t) => t.table === table);
        const expected = totals?.expected.get(c);
        const parts = totals?.parts.get(c);
        if (expected !== undefined && parts) {
          const actual = c.value.kind === 'number' ? c.value.decimal : text(L.blank, locale);
          const how = text(c.col === T3_TOTAL_COL ? L.rowSum : L.columnSum, locale);
          return {
            start: c.cell.start, end: c.cell.end,
            markdown: `**${row.label?.text ?? ''} · ${c.column.label}**\n\n${text(L.computed, locale)}${parts.join(' + ')} = **${expected}**${text(msg(`（${how}）`, ` (${how})`), locale)}\n\n${text(L.written, locale)}${actual}`,
          };
        }
        if (table.kind === 't4') {
          const g = t4Groups(row).find((x) => x.total === c);
          const sum = g && groupSum(g);
          if (g && sum !== undefined) {
            const nums = g.parts.map((p) => countValue(p)!);
            return { start: c.cell.start, end: c.cell.end, markdown: `**${g.label} · ${text(L.total, locale)}**\n\n${text(L.computed, locale)}${nums.join(' + ')} = **${sum}**${text(L.t4Sum, locale)}` };
          }
        }
        return { start: c.cell.start, end: c.cell.end, markdown: `**${row.label?.text ?? text(L.dataRow, locale)} · ${c.column.label}**` };
      }
    }
  }
  return null;
}

/**
 * What a statute reference cites: the item when one is named, else the article; a long article shows its
 * opening sentence and how many items follow. The whole article is one click away.
 */
export function renderReference(ref: { article: string; item: string | null }, locale: Locale = 'zh-cn'): string | null {
  const a = ARTICLES[ref.article];
  if (!a) return null;
  const head = `**${text(L.regulation, locale)}《条例》${a.title}${ref.item ? `第（${ref.item}）项` : ''}**`;
  const link = locale === 'zh-cn' ? articleLink(ref.article) : articleLink(ref.article, text(L.fullArticle, locale));
  const item = ref.item ? articleItem(ref.article, ref.item) : null;
  if (item) return [head, `> ${item}`, link].join('\n\n');
  const paragraphs = a.paragraphs.map(fullWidthItems);
  const partial = a.partial ? text(L.excerpt, locale) : '';
  if (paragraphs.join('').length <= 200) return [head, paragraphs.map((p) => `> ${p}`).join('\n>\n') + partial].join('\n\n');
  const items = paragraphs.filter((p) => /^（[一二三四五六七八九十]+）/.test(p)).length;
  return [head, `> ${paragraphs[0]}……${items ? text(msg(`（共 ${items} 项）`, ` (${items} items)`), locale) : ''}`, link].join('\n\n');
}

/** "第三十六条" or "第三十六条第（一）（二）项" → a link text and the article key. */
function citation(article: string | undefined, locale: Locale): string {
  if (!article) return '';
  const m = ARTICLE_RE.exec(article);
  const link = m ? `，${articleLink(m[1], text(L.fullText, locale))}` : '';
  return text(msg(`（《条例》${article}${link}）`, ` (regulation 《条例》${article}${link.replace('，', ', ')})`), locale);
}

function rowHelp(kind: string, id: string | null, item: string | undefined, version: '2019' | '2021', locale: Locale): string | null {
  if (!id) return null;
  if (kind === 't3') {
    const def = T3_ROWS[version].find((d) => d.id === id) ?? T3_ROWS['2021'].find((d) => d.id === id);
    if (!def) return null;
    return [`**${def.label}**`, `${def.help}${citation(def.article, locale)}`].join('\n\n');
  }
  if (kind === 't2') {
    const it = T2_ITEMS.find((x) => x.id === item);
    const row = it?.versions[version]?.rows.find((r) => r.id === id) ?? it?.versions['2019']?.rows.find((r) => r.id === id);
    if (!it || !row) return null;
    return [`**${row.label}**${text(msg(`（${it.label}）`, ` (${it.label})`), locale)}`, `${row.help}${citation(`第二十条第${it.clause}项`, locale)}`].join('\n\n');
  }
  return null;
}
