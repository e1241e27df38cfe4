/**
 * rollup-total: for a region described in `ogi-report.region.json`, each child must have a report for
 * the parent's year; and where the manifest declares the parent an aggregate (`"aggregate": true`),
 * each figure of the parent's tables 三 and 四 must equal the sum of the children's. No identity is
 * assumed otherwise: a government's own report is not the sum of its departments' (see README).
 */
import { T3_TOTAL_COL } from '../model/template';
import { fileName } from '../workspace';
import { figures } from '../workspace/figures';
import { Msg, Rule, msg } from './rule';

const MAX_COLUMNS_IN_MESSAGE = 3;

export const rule: Rule = {
  id: 'rollup-total',
  names: msg('地区汇总', 'regional roll-up'),
  description: msg('地区汇总报告的数字应等于下级报告之和，下级单位均应有报告', 'A region\'s aggregate must equal the sum of its children, and every child must have a report'),
  tags: ['cross-report'],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    reports: 'a region\'s child without a report for the year; an aggregate parent ≠ the sum of its children',
    fix: '—',
  },
  check(ctx) {
    if (ctx.report.year === null) return;
    const year = ctx.report.year;
    const at = ctx.report.title ? { start: ctx.report.title.start, end: ctx.report.title.end } : { start: 0, end: 0 };
    for (const { region, children } of ctx.regions) {
      for (const c of children) {
        if (c.lookup.kind !== 'none') continue;
        ctx.emit({ ...at, message: msg(
          `下级单位“${c.ref.label}”没有 ${year} 年报告（见 ogi-report.region.json${region.name ? `：${region.name}` : ''}）`,
          `Child "${c.ref.label}" has no report for ${year} (ogi-report.region.json${region.name ? `: ${region.name}` : ''})`,
        ) });
      }
      if (!region.aggregate || children.some((c) => !c.report)) continue;
      const kids = children.map((c) => ({ name: c.report!.agency ?? (c.lookup.kind === 'found' ? fileName(c.lookup.entry.path) : c.ref.label), figures: figures(c.report!) }));
      const byRow = new Map<string, { start: number; end: number; label: string; parts: Msg[]; columns: number[] }>();
      for (const f of figures(ctx.report).values()) {
        if (f.table.kind !== 't3' && f.table.kind !== 't4') continue;
        const values = kids.map((k) => k.figures.get(f.key)?.value);
        if (values.some((v) => v === undefined)) continue;
        const sum = (values as number[]).reduce((x, y) => x + y, 0);
        if (Math.abs(sum - f.value) < 1e-9) continue;
        const rowKey = `${f.table.kind}/${f.row.id}/${f.row.row.line}`;
        const label = f.table.kind === 't3' ? f.label.slice(0, f.label.length - f.cell.column.label.length - 1) : '';
        const entry = byRow.get(rowKey) ?? { start: f.cell.cell.start, end: f.cell.cell.end, label, parts: [], columns: [] };
        entry.columns.push(f.cell.col);
        const detail = kids.map((k, i) => `${k.name} ${values[i]}`).join(' + ');
        entry.parts.push(msg(`${f.cell.column.label} 本报告 ${f.value}，下级合计 ${sum}（${detail}）`, `${f.cell.column.label}: ${f.value} here, children's sum ${sum} (${detail})`));
        byRow.set(rowKey, entry);
      }
      // （七）总计 and the 总计 column follow from the figures beside them: one problem, one finding.
      const rows = [...byRow.entries()];
      const detailRowDiffers = rows.some(([k]) => k.startsWith('t3/') && !k.startsWith('t3/total/'));
      for (const [key, r] of rows) {
        if (key.startsWith('t3/total/') && detailRowDiffers) continue;
        if (key.startsWith('t3/') && r.columns.some((c) => c !== T3_TOTAL_COL)) {
          r.parts = r.parts.filter((_, i) => r.columns[i] !== T3_TOTAL_COL);
        }
        const shown = r.parts.slice(0, MAX_COLUMNS_IN_MESSAGE);
        const more = r.parts.length - shown.length;
        ctx.emit({ start: r.start, end: r.end, message: msg(
          `汇总数与下级报告之和不符${r.label ? `：“${r.label}”` : ''}：${shown.map((p) => p.zh).join('；')}${more > 0 ? `；另有 ${more} 列不符` : ''}`,
          `Aggregate differs from the children's sum${r.label ? ` in ${r.label}` : ''}: ${shown.map((p) => p.en).join('; ')}${more > 0 ? `; ${more} more column(s) differ` : ''}`,
        ) });
      }
    }
  },
};
