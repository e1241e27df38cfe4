/**
 * Findings of the table identities, shared by row-total, column-total, balance and review-total:
 * each is a view of the one localization (model/error-location.ts). A culprit cell gets one diagnostic,
 * with its fix, under the id of the first identity it breaks; an identity whose culprit cannot be
 * told is reported on its total cell, naming the cells that could be wrong, with a suggestion only.
 */
import type { Culprit, Identity, IdentityKind, Localization, Unresolved } from '../../model/error-location';
import type { TypedCell } from '../../model/report';
import { cellName, tableName } from '../../model/names';
import { Finding, Msg, msg, setCell } from '../rule';

/** A table 三 cell, quoted: “（七）总计·自然人”. */
function quotedCell(c: TypedCell, rowLabel: string): string {
  const total = /total/.test(c.column.id) && !c.column.label.includes('·');
  return `“${cellName(rowLabel, total ? '总计' : c.column.label)}”`;
}

function termsText(id: Identity, values: Map<TypedCell, number>, sign: 1 | -1, replace?: { cell: TypedCell; value: number }): string {
  return id.terms.filter((t) => t.coef === sign).map((t) => (t.cell === replace?.cell ? replace.value : values.get(t.cell)!)).join('+');
}

/** Why the culprit must have its value: each identity it breaks, with the value in place. */
function reason(id: Identity, c: Culprit, values: Map<TypedCell, number>): Msg {
  const fixed = { cell: c.cell, value: c.expected };
  const left = termsText(id, values, 1, fixed);
  const right = termsText(id, values, -1, fixed);
  switch (id.kind) {
    case 'row-total':
      return msg(`本行 ${left} = ${right}`, `its row: ${left} = ${right}`);
    case 'column-total':
      return msg(`${id.label}列（一）至（六）之和 = （七）总计 = ${right}`, `column ${id.label}: （一）…（六） sum to （七） = ${right}`);
    case 'balance':
      return msg(`${id.label}列勾稽关系 一 + 二 = 三（七）+ 四：${left} = ${right}`, `column ${id.label} balance 一 + 二 = 三（七） + 四: ${left} = ${right}`);
    default:
      return msg(`${id.group ?? ''} ${left} = ${right}`, `${id.group ?? ''}: ${left} = ${right}`);
  }
}

function culpritFinding(c: Culprit, loc: Localization): Finding {
  const table = tableName(c.kind === 'review-total' ? 't4' : 't3');
  const name = c.kind === 'review-total' ? `“${c.cell.column.label}”` : quotedCell(c.cell, c.rowLabel);
  const reasons = c.broken.map((id) => reason(id, c, loc.values));
  const isTotal = c.broken.some((id) => id.anchor === c.cell && id.kind !== 'balance');
  return {
    start: c.cell.cell.start, end: c.cell.cell.end,
    message: msg(`${table.zh}${name}应为 ${c.expected}，实为 ${c.actual}（${reasons.map((r) => r.zh).join('；')}）`,
      `${table.en} ${name} should be ${c.expected}, found ${c.actual} (${reasons.map((r) => r.en).join('; ')})`),
    fix: {
      kind: 'figure',
      title: isTotal ? msg(`重新计算总计：${c.expected}`, `Recompute total: ${c.expected}`) : msg(`改为 ${c.expected}`, `Set to ${c.expected}`),
      edits: [setCell(c.cell, c.expected)],
    },
    related: c.broken.filter((id) => id.anchor !== c.cell).map((id) => ({
      start: id.anchor.cell.start, end: id.anchor.cell.end,
      message: id.kind === 'row-total' ? msg('本行总计', "its row's total")
        : id.kind === 'column-total' ? msg(`${cellName('（七）总计', id.label)}（本列合计）`, `（七） ${id.label}, its column's total`)
          : id.kind === 'balance' ? msg(`${cellName('四、结转下年度继续办理', id.label)}（勾稽关系）`, `carry-over, ${id.label} (balance)`)
            : msg(`${id.label}总计`, `${id.label} total`),
    })),
  };
}

const COULD_BE_WRONG = msg('可能有误的数字', 'A figure that could be wrong');

function names(u: Unresolved, rowLabels: Map<TypedCell, string>): string {
  const shown = u.candidates.slice(0, 4).map((c) => (u.identity.kind === 'review-total' ? `“${c.column.label}”` : quotedCell(c, rowLabels.get(c) ?? '')));
  return shown.join('、') + (u.candidates.length > 4 ? ` 等 ${u.candidates.length} 处` : '');
}

function unresolvedFinding(u: Unresolved, loc: Localization, rowLabels: Map<TypedCell, string>): Finding {
  const id = u.identity;
  const v = loc.values;
  const anchorValue = v.get(id.anchor)!;
  const sum = anchorValue + u.residual * (id.terms.find((t) => t.cell === id.anchor)!.coef === -1 ? 1 : -1);
  const left = termsText(id, v, 1);
  const right = termsText(id, v, -1);
  const who = names(u, rowLabels);
  const couldBe = msg(`无法确定哪个数字有误，可能是：${who}`, `which figure is wrong cannot be told; it could be: ${who}`);
  let head: Msg;
  let suggestion: Msg;
  switch (id.kind) {
    case 'row-total':
      head = msg(`“${cellName(id.label, '总计')}”应为 ${sum}（${left}），实为 ${anchorValue}`, `"${id.label}" total should be ${sum} (${left}), found ${anchorValue}`);
      suggestion = msg(`将总计改为 ${sum}（请先核对本行各数字）`, `Set the total to ${sum} (check the row's figures first)`);
      break;
    case 'column-total': {
      const parts = id.terms.filter((t) => t.coef === 1).map((t) => v.get(t.cell)!).filter((x) => x !== 0);
      head = msg(`${cellName('（七）总计', id.label)}应为 ${sum}（${parts.join('+') || '0'}），实为 ${anchorValue}`,
        `（七）total, ${id.label}: should be ${sum} (${parts.join('+') || '0'}), found ${anchorValue}`);
      suggestion = msg(`将${cellName('（七）总计', id.label)}改为 ${sum}（请先核对各行数字）`, `Set （七） ${id.label} to ${sum} (check the rows first)`);
      break;
    }
    case 'balance': {
      const [a, b, x, y] = id.terms.map((t) => v.get(t.cell)!);
      head = msg(`勾稽关系不平衡（${id.label}）：一 + 二 = ${a} + ${b} = ${a + b}，三（七）+ 四 = ${x} + ${y} = ${x + y}`,
        `${tableName('t3').en} does not balance (${id.label}): 一 + 二 = ${a} + ${b} = ${a + b}, 三（七） + 四 = ${x} + ${y} = ${x + y}`);
      suggestion = msg(`将“四、结转下年度继续办理”改为 ${sum}（请先核对各项数字）`, `Set carry-over to ${sum} (check the figures first)`);
      break;
    }
    default:
      head = msg(`${id.label}总计应为 ${sum}（${left}），实为 ${right}`, `${id.label} total should be ${sum} (${left}), found ${right}`);
      suggestion = msg(`将总计改为 ${sum}（如各分项无误）`, `Set the total to ${sum} (if the parts are right)`);
  }
  return {
    start: id.anchor.cell.start, end: id.anchor.cell.end,
    message: msg(`${head.zh}；${couldBe.zh}`, `${head.en}; ${couldBe.en}`),
    suggestions: sum >= 0 ? [{ kind: 'suggestion', title: suggestion, edits: [setCell(id.anchor, sum)] }] : [],
    related: u.candidates.filter((c) => c !== id.anchor).slice(0, 20).map((c) => ({ start: c.cell.start, end: c.cell.end, message: COULD_BE_WRONG })),
  };
}

/** Every finding of one identity kind. */
export function identityFindings(kind: IdentityKind, loc: Localization): Finding[] {
  const out: Finding[] = [];
  for (const c of loc.culprits) if (c.kind === kind) out.push(culpritFinding(c, loc));
  for (const u of loc.unresolved) if (u.identity.kind === kind) out.push(unresolvedFinding(u, loc, loc.rowLabels));
  return out;
}
