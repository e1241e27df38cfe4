/**
 * year-over-year: a figure that jumped to more than 5 times last year's, or fell below a fifth of it,
 * where last year's was at least 20, is worth a second look — a question, not an error. Table 三 is
 * compared on its 总计 column (the applicant columns and （七）总计 follow from it), table 四 on its
 * three 总计 figures, table 二 on every figure.
 */
import { fileName, fileRange } from '../workspace';
import { Figure, figures } from '../workspace/figures';
import { Rule, msg } from './rule';

const MIN_LAST = 20;
const JUMP = 5;
const FALL = 0.2;

function compared(f: Figure): boolean {
  if (f.table.kind === 't3') return f.cell.column.id === 'total' && f.row.id !== 'total' && f.row.id !== 'carried';
  if (f.table.kind === 't4') return f.cell.column.id.endsWith('-total');
  return true;
}

const ratioText = (r: number) => (r >= 10 ? r.toFixed(0) : r.toFixed(1));

export const rule: Rule = {
  id: 'year-over-year',
  names: msg('同比变化', 'change from last year'),
  description: msg('与上年相比变化超过 5 倍的数字，请核实', 'A figure that changed more than fivefold from last year: please check'),
  tags: ['cross-report', 'plausibility'],
  defaultSeverity: 'info',
  fixable: false,
  docs: {
    reports: 'a figure above 5× or below 0.2× last year\'s, where last year\'s was at least 20 (a question)',
    fix: '—',
  },
  check(ctx) {
    const prev = ctx.previous;
    if (!prev) return;
    const file = fileName(prev.entry.path);
    const then = figures(prev.report);
    for (const now of figures(ctx.report).values()) {
      if (!compared(now)) continue;
      const last = then.get(now.key);
      if (!last || last.value < MIN_LAST) continue;
      const ratio = now.value / last.value;
      if (ratio <= JUMP && ratio >= FALL) continue;
      const up = ratio > JUMP;
      ctx.emit({
        start: now.cell.cell.start,
        end: now.cell.cell.end,
        message: up
          ? msg(`“${now.label}”为 ${now.value}，是上年（${file}：${last.value}）的 ${ratioText(ratio)} 倍，请核实是否填写有误`,
            `${now.label} is ${now.value}, ${ratioText(ratio)} times last year's (${file}: ${last.value}); is it right?`)
          : msg(`“${now.label}”为 ${now.value}，不到上年（${file}：${last.value}）的五分之一，请核实是否填写有误`,
            `${now.label} is ${now.value}, less than a fifth of last year's (${file}: ${last.value}); is it right?`),
        related: [{
          start: 0, end: 0,
          message: msg(`上年报告 ${file}：“${last.label}” = ${last.value}`, `Last year's report ${file}: ${last.label} = ${last.value}`),
          file: fileRange(prev.entry.path, prev.report, last.cell.cell.start, last.cell.cell.end),
        }],
      });
    }
  },
};
