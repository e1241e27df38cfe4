import { T3_TOTAL_COL } from '../model/template';
import { countValue } from '../model/totals';
import type { TypedCell } from '../model/report';
import { Rule, msg, setCell } from './rule';

/** Table 三, per column: 一 + 二 = 三（七）+ 四, the 勾稽关系 printed in the table itself. */
export const rule: Rule = {
  id: 'balance',
  description: msg('表三勾稽关系不平衡：一 + 二 ≠ 三（七）+ 四', 'Table 三 does not balance: 一 + 二 ≠ 三（七） + 四'),
  tags: ['tables', 'arithmetic'],
  defaultSeverity: 'error',
  fixable: false,
  check({ t3, emit }) {
    for (const totals of t3) {
      const rows = ['new', 'carried', 'total', 'carryover'].map((id) => totals.byId.get(id));
      if (rows.some((r) => !r || !r.shapeOk)) continue;
      const [n, c, t, o] = rows;
      for (let col = 0; col <= T3_TOTAL_COL; col++) {
        const value = (cell: TypedCell) =>
          col === T3_TOTAL_COL && cell.value.kind === 'blank' ? totals.expected.get(cell) : countValue(cell);
        const [a, b, x, y] = [n!, c!, t!, o!].map((r) => value(r.cells[col]));
        if ([a, b, x, y].some((v) => v === undefined)) continue;
        const left = a! + b!;
        const right = x! + y!;
        if (left === right) continue;
        const cell = o!.cells[col];
        const column = cell.column.label;
        const carry = left - x!;
        emit({
          start: cell.cell.start, end: cell.cell.end,
          message: msg(`勾稽关系不平衡（${column}）：一 + 二 = ${a} + ${b} = ${left}，三（七）+ 四 = ${x} + ${y} = ${right}`,
            `Table 三 does not balance (${column}): 一 + 二 = ${a} + ${b} = ${left}, 三（七） + 四 = ${x} + ${y} = ${right}`),
          suggestions: carry >= 0 ? [{
            kind: 'suggestion',
            title: msg(`将“四、结转下年度继续办理”改为 ${carry}（请先核对各项数字）`, `Set carry-over to ${carry} (check the figures first)`),
            edits: [setCell(cell, carry)],
          }] : [],
        });
      }
    }
  },
};
