/**
 * Hover help: the clause text behind a statute reference, what a table row counts and its article,
 * what a section must contain, and how a total is computed.
 */
import type { Analysis } from './analyze';
import { SECTIONS, T2_ITEMS, T3_ROWS, T3_TOTAL_COL } from '../model/template';
import { countValue, groupSum, t4Groups } from '../model/totals';
import { findStatuteRefs, renderArticle } from './statute';
import { claimHover } from './claim-hover';

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
      const md = renderArticle(ref);
      if (md) return { start: ref.start, end: ref.end, markdown: md };
    }
  }

  for (const h of report.headings) {
    if (h.line.index !== line.index || offset < h.numeralStart || offset > h.titleEnd) continue;
    const s = SECTIONS[h.index - 1];
    const item = /第（(.)）项/.exec(s.article)?.[1] ?? null;
    const art = renderArticle({ article: '五十', item });
    return {
      start: h.numeralStart, end: h.titleEnd,
      markdown: [`**${s.numeral}、${s.title['2021']}**`, s.help, `依据：《条例》${s.article}`, art ?? ''].filter(Boolean).join('\n\n'),
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

function rowHelp(kind: string, id: string | null, item: string | undefined, version: '2019' | '2021'): string | null {
  if (!id) return null;
  if (kind === 't3') {
    const def = T3_ROWS[version].find((d) => d.id === id) ?? T3_ROWS['2021'].find((d) => d.id === id);
    if (!def) return null;
    const m = def.article ? ARTICLE_RE.exec(def.article) : null;
    const art = m ? renderArticle({ article: m[1], item: null }) : null;
    return [`**${def.label}**`, def.help, def.article ? `依据：《条例》${def.article}` : '', art ?? ''].filter(Boolean).join('\n\n');
  }
  if (kind === 't2') {
    const it = T2_ITEMS.find((x) => x.id === item);
    const row = it?.versions[version]?.rows.find((r) => r.id === id) ?? it?.versions['2019']?.rows.find((r) => r.id === id);
    if (!it || !row) return null;
    const clause = /（(.)）/.exec(it.clause)?.[1] ?? null;
    return [`**${row.label}**（${it.label}）`, row.help, renderArticle({ article: '二十', item: clause }) ?? ''].filter(Boolean).join('\n\n');
  }
  return null;
}
