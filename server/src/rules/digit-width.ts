/**
 * digit-width: one table writes its figures in both half-width (`12`) and full-width (`１２`) digits. A
 * table is typeset with one digit width (GB/T 9704-2012 sets figures in Arabic numerals throughout; a mix is
 * what pasting rows from two sources leaves). One finding per table, on the first figure of the fewer width;
 * the fix writes every figure of the fewer width in the width of the more (half-width on a tie). The value
 * of every figure is unchanged.
 */
import type { TypedCell } from '../model/report';
import { tableName } from '../model/names';
import { Rule, msg } from './rule';

const FULL = /[\uFF10-\uFF19]/;
const HALF = /[0-9]/;

/** The same figure in the other digit width. */
function widen(text: string, toFull: boolean): string {
  return toFull
    ? text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    : text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export const rule: Rule = {
  id: 'digit-width',
  names: msg('数字全半角不统一', 'mixed digit widths'),
  description: msg('同一表格中半角数字与全角数字混用', 'One table mixes half-width and full-width digits'),
  tags: ['wording'],
  defaultSeverity: 'hint',
  fixable: true,
  docs: {
    reports: 'a table whose figures are written partly in half-width (`12`) and partly in full-width (`１２`) digits, once per table',
    fix: 'the width most of its figures use',
  },
  check({ report, text, emit }) {
    for (const table of report.tables) {
      const half: TypedCell[] = [];
      const full: TypedCell[] = [];
      for (const row of table.rows) {
        for (const c of row.cells) {
          if (c.value.kind !== 'number') continue;
          const t = c.cell.text;
          const f = FULL.test(t), h = HALF.test(t);
          if (f && !h) full.push(c);
          else if (h && !f) half.push(c);
        }
      }
      if (!half.length || !full.length) continue;
      const toFull = full.length > half.length;
      const odd = toFull ? half : full;
      const edits = odd.map((c) => ({ start: c.cell.start, end: c.cell.end, newText: widen(text.slice(c.cell.start, c.cell.end), toFull) }));
      emit({
        start: odd[0].cell.start,
        end: odd[0].cell.end,
        message: msg(
          `${tableName(table.kind).zh}中半角数字与全角数字混用：${odd.length} 个数字应统一为${toFull ? '全角' : '半角'}`,
          `${tableName(table.kind).en} mixes digit widths: ${odd.length} ${odd.length === 1 ? 'figure' : 'figures'} should be ${toFull ? 'full' : 'half'}-width`,
        ),
        fix: { title: msg(`统一为${toFull ? '全角' : '半角'}数字`, `Use ${toFull ? 'full' : 'half'}-width digits`), kind: 'safe', edits },
      });
    }
  },
};
