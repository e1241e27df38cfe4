import { readFacts } from '../model/facts';
import { Rule, msg } from './rule';

/** Above these amounts (万元) a figure was probably entered in 元: per level, then for any body. */
const LIMIT = { township: 10_000, county: 1_000_000 } as const;
const ANY_LIMIT = 10_000_000;

/**
 * The 2021 format's 行政事业性收费 amount is in 万元: a figure written in 元, more decimals than the
 * table's own header allows (保留4位小数), or an amount too large for the body suggests the wrong unit.
 */
export const rule: Rule = {
  id: 'fee-amount',
  names: msg('收费金额', 'fee amount'),
  description: msg('行政事业性收费金额单位或精度不符（应为万元）', 'The 行政事业性收费 amount is not in 万元 or has too many decimals'),
  tags: ['content', 'tables'],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    reports: '2021 行政事业性收费 written in 元, with more decimals than the table\'s own 保留4位小数, or implausibly large for the body',
    fix: '—',
  },
  check({ report, emit }) {
    const level = readFacts(report).body?.level;
    const lines = report.tree.lines;
    for (const t of report.tables) {
      if (t.kind !== 't2' || (t.version ?? report.formatVersion) !== '2021') continue;
      const header = lines.slice(t.startLine, t.endLine + 1).map((l) => l.text).join('\n').normalize('NFKC');
      const fourDecimals = /保留\s*(?:4|四)\s*位小数/.test(header);
      for (const row of t.rows) {
        if (row.id !== 'fees' || row.item !== '8') continue;
        const c = row.cells[0];
        if (!c || c.value.kind !== 'number') continue;
        const raw = c.cell.text.normalize('NFKC');
        const amount = Number(c.value.decimal);
        const decimals = (c.value.decimal.split('.')[1] ?? '').length;
        if (/元/.test(raw) && !/万元/.test(raw)) {
          emit({ start: c.cell.start, end: c.cell.end, message: msg(`行政事业性收费金额应以万元填报，实为“${c.cell.text}”`, `The fee amount must be in 万元, found "${c.cell.text}"`) });
        } else if (fourDecimals && decimals > 4) {
          emit({ start: c.cell.start, end: c.cell.end, message: msg(`表头要求保留4位小数，“${c.cell.text}”有 ${decimals} 位小数`, `The header asks for 4 decimals; "${c.cell.text}" has ${decimals}`) });
        } else {
          const limit = level === 'township' || level === 'county' ? LIMIT[level] : ANY_LIMIT;
          if (amount >= limit) {
            const yuan = amount / 10_000;
            emit({
              start: c.cell.start, end: c.cell.end,
              message: msg(`行政事业性收费 ${c.value.decimal} 万元（${(amount / 10_000).toLocaleString('en-US', { maximumFractionDigits: 2 })} 亿元）异常偏大，可能按元填报（应为 ${yuan} 万元？）`,
                `A fee amount of ${c.value.decimal} 万元 is implausibly large; was it entered in 元 (${yuan} 万元)?`),
            });
          }
        }
      }
    }
  },
};
