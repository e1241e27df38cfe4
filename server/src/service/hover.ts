/**
 * Hover help, short enough to read without scrolling: the cited article or item of a statute reference
 * (the whole article behind a link), what a table row counts with its article, what a section must
 * contain, and how a total is computed.
 */
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

export function hover(a: Analysis, offset: number): HoverResult | null {
  const claim = claimHover(a, offset);
  if (claim) return claim;
  const { report } = a;
  const lines = report.tree.lines;
  const line = lines.find((l) => l.start <= offset && offset <= l.end);
  if (!line) return null;

  for (const ref of findStatuteRefs(a.text, line.start, line.end)) {
    if (offset >= ref.start && offset <= ref.end) {
      const md = renderReference(ref);
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
      markdown: [`**${s.numeral}、${s.title['2021']}**`, s.help, `依据：《条例》${s.article}${clause ? `：${clause}` : ''} ${articleLink('五十', '全文')}`].join('\n\n'),
    };
  }

  for (const table of report.tables) {
    if (offset < table.start || offset > table.end) continue;
    for (const row of table.rows) {
      for (const label of row.labelCells) {
        if (offset < label.start || offset > label.end) continue;
        const md = rowHelp(table.kind, row.id, row.item, table.version ?? report.formatVersion ?? '2021');
        if (md) return { start: label.start, end: label.end, markdown: md };
      }
      for (const c of row.cells) {
        if (offset < c.cell.start || offset > c.cell.end) continue;
        const totals = a.t3.find((t) => t.table === table);
        const expected = totals?.expected.get(c);
        const parts = totals?.parts.get(c);
        if (expected !== undefined && parts) {
          const actual = c.value.kind === 'number' ? c.value.decimal : '（空白）';
          const how = c.col === T3_TOTAL_COL ? '本行各申请人列之和' : '（一）至（六）各结果行本列之和';
          return {
            start: c.cell.start, end: c.cell.end,
            markdown: `**${row.label?.text ?? ''} · ${c.column.label}**\n\n计算值：${parts.join(' + ')} = **${expected}**（${how}）\n\n表中填写：${actual}`,
          };
        }
        if (table.kind === 't4') {
          const g = t4Groups(row).find((x) => x.total === c);
          const sum = g && groupSum(g);
          if (g && sum !== undefined) {
            const nums = g.parts.map((p) => countValue(p)!);
            return { start: c.cell.start, end: c.cell.end, markdown: `**${g.label} · 总计**\n\n计算值：${nums.join(' + ')} = **${sum}**（结果维持 + 结果纠正 + 其他结果 + 尚未审结）` };
          }
        }
        return { start: c.cell.start, end: c.cell.end, markdown: `**${row.label?.text ?? '数据行'} · ${c.column.label}**` };
      }
    }
  }
  return null;
}

/**
 * What a statute reference cites: the item when one is named, else the article; a long article shows its
 * opening sentence and how many items follow. The whole article is one click away.
 */
export function renderReference(ref: { article: string; item: string | null }): string | null {
  const a = ARTICLES[ref.article];
  if (!a) return null;
  const head = `**《条例》${a.title}${ref.item ? `第（${ref.item}）项` : ''}**`;
  const link = articleLink(ref.article);
  const item = ref.item ? articleItem(ref.article, ref.item) : null;
  if (item) return [head, `> ${item}`, link].join('\n\n');
  const paragraphs = a.paragraphs.map(fullWidthItems);
  const partial = a.partial ? '（节选）' : '';
  if (paragraphs.join('').length <= 200) return [head, paragraphs.map((p) => `> ${p}`).join('\n>\n') + partial].join('\n\n');
  const items = paragraphs.filter((p) => /^（[一二三四五六七八九十]+）/.test(p)).length;
  return [head, `> ${paragraphs[0]}${items ? `……（共 ${items} 项）` : '……'}`, link].join('\n\n');
}

/** "第三十六条" or "第三十六条第（一）（二）项" → a link text and the article key. */
function citation(article: string | undefined): string {
  if (!article) return '';
  const m = ARTICLE_RE.exec(article);
  return m ? `（《条例》${article}，${articleLink(m[1], '全文')}）` : `（《条例》${article}）`;
}

function rowHelp(kind: string, id: string | null, item: string | undefined, version: '2019' | '2021'): string | null {
  if (!id) return null;
  if (kind === 't3') {
    const def = T3_ROWS[version].find((d) => d.id === id) ?? T3_ROWS['2021'].find((d) => d.id === id);
    if (!def) return null;
    return [`**${def.label}**`, `${def.help}${citation(def.article)}`].join('\n\n');
  }
  if (kind === 't2') {
    const it = T2_ITEMS.find((x) => x.id === item);
    const row = it?.versions[version]?.rows.find((r) => r.id === id) ?? it?.versions['2019']?.rows.find((r) => r.id === id);
    if (!it || !row) return null;
    return [`**${row.label}**（${it.label}）`, `${row.help}${citation(`第二十条第${it.clause}项`)}`].join('\n\n');
  }
  return null;
}
