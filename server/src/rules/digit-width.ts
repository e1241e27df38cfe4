/**
 * digit-width: full-width and half-width digits mixed in one table (`１２０` beside `120`). A table writes
 * its figures in one width; the fix writes the fewer cells in the width of the more (half-width on a tie).
 * One finding per table, on its first cell of the other width.
 */
import { tableName } from '../model/names';
import { Rule, msg } from './rule';

const FULL = /[\uFF10-\uFF19]/;
const HALF = /[0-9]/;

const toHalf = (s: string) => s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0));
const toFull = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xFEE0));

export const rule: Rule = {
  id: 'digit-width',
  names: msg('数字全角半角混用', 'mixed digit widths'),
  description: msg('同一表格中全角数字与半角数字混用', 'Full-width and half-width digits mixed in one table'),
  tags: ['wording'],
  defaultSeverity: 'hint',
  fixable: true,
  docs: {
    reports: 'full-width digits (`１２０`) beside half-width ones in one table, once per table',
    fix: 'the width most of the table\'s cells use',
  },
  check({ report, emit }) {
    for (const t of report.tables) {
      const full: { start: number; end: number; text: string }[] = [];
      const half: { start: number; end: number; text: string }[] = [];
      for (const r of t.rows) {
        for (const c of r.cells) {
          const s = c.cell.text;
          const f = FULL.test(s);
          const h = HALF.test(s);
          if (f && !h) full.push({ start: c.cell.start, end: c.cell.end, text: s });
          else if (h && !f) half.push({ start: c.cell.start, end: c.cell.end, text: s });
        }
      }
      if (!full.length || !half.length) continue;
      const toFullWidth = full.length > half.length;
      const odd = toFullWidth ? half : full;
      const name = tableName(t.kind);
      emit({
        start: odd[0].start, end: odd[0].end,
        message: toFullWidth
          ? msg(`${name.zh}中全角、半角数字混用：${odd.length} 个单元格为半角数字，其余为全角`, `${name.en} mixes digit widths: ${odd.length} cells are half-width, the rest full-width`)
          : msg(`${name.zh}中全角、半角数字混用：${odd.length} 个单元格为全角数字`, `${name.en} mixes digit widths: ${odd.length} cells are full-width`),
        fix: {
          title: toFullWidth ? msg('改为全角数字', 'Use full-width digits') : msg('改为半角数字', 'Use half-width digits'),
          kind: 'safe',
          edits: odd.map((c) => ({ start: c.start, end: c.end, newText: toFullWidth ? toFull(c.text) : toHalf(c.text) })),
        },
      });
    }
  },
};
