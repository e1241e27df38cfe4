/**
 * number-spacing: a space between a 汉字 and a figure in the prose (`2025 年`, `共 12 件`). Official
 * documents are typeset without it (the Chinese-text linters AutoCorrect and zhlint insert it; their
 * government users ask them not to). A document whose figures are spaced throughout is a PDF importer's
 * joined runs (a figure set in another font becomes its own run), not the writer's: when four or more and
 * at least half of the places where a figure meets a 汉字 are spaced, the rule is silent (so is a document
 * a linter spaced throughout: the text alone cannot tell it from an imported PDF). The title and headings (a
 * heading that shares its line with the first paragraph) are not read, nor is a paragraph holding figures
 * separated by spaces only (`规章 0 0 0`: a table flattened into a line by a page's text). One finding per paragraph, on its
 * first space; the fix removes the paragraph's spaces.
 */
import { spanOf, type Paragraph } from '../model/segments';
import { proseParagraphs } from './lib/metadata';
import { Rule, msg } from './rule';

const HAN = '\\u4e00-\\u9fff';
/** A figure and a 汉字 with spaces between, either way round; group 1 is the spaces. */
const SPACED = new RegExp(`(?<=[${HAN}])([ \\u3000\\u00a0]+)(?=\\d)|(?<=\\d)([ \\u3000\\u00a0]+)(?=[${HAN}])`, 'g');
/** Figures separated by spaces only: table cells flattened into a line. */
const FLATTENED_TABLE = /\d[ \u3000\u00a0]+\d/;
const TOUCHING = new RegExp(`[${HAN}]\\d|\\d[${HAN}]`, 'g');
/** Share of spaced meetings from which the spaces are the importer's (with at least IMPORTED_MIN of them). */
const IMPORTED_SHARE = 1 / 2;
const IMPORTED_MIN = 4;

export const rule: Rule = {
  id: 'number-spacing',
  names: msg('汉字与数字间空格', 'space between 汉字 and a figure'),
  description: msg('正文中汉字与数字之间有空格（公文排版不加空格）', 'A space between a 汉字 and a figure in the prose (official documents have none)'),
  tags: ['wording'],
  defaultSeverity: 'hint',
  fixable: true,
  docs: {
    reports: 'a space between a 汉字 and a figure in the prose (`2025 年`, `共 12 件`), once per paragraph; silent where the spaces run through the document (a PDF importer\'s joined runs), and in the title and headings',
    fix: 'removes the paragraph\'s spaces',
  },
  check({ report, emit }) {
    const skip: { start: number; end: number }[] = [];
    if (report.title) skip.push(report.title);
    for (const h of report.headings) skip.push({ start: h.line.start, end: h.titleEnd + 1 });
    const found: { p: Paragraph; spaces: { start: number; end: number }[] }[] = [];
    let spaced = 0;
    let touching = 0;
    for (const p of proseParagraphs(report)) {
      touching += p.text.match(TOUCHING)?.length ?? 0;
      const spaces: { start: number; end: number }[] = [];
      if (FLATTENED_TABLE.test(p.text)) continue;
      for (const m of p.text.matchAll(SPACED)) {
        const s = spanOf(p, m.index!, m.index! + m[0].length);
        if (skip.some((k) => s.start >= k.start && s.start <= k.end)) continue;
        // A space that a line break stands in for is no space in the text.
        if (s.end - s.start !== m[0].length) continue;
        spaces.push(s);
      }
      spaced += spaces.length;
      if (spaces.length) found.push({ p, spaces });
    }
    if (!spaced || (spaced >= IMPORTED_MIN && spaced >= IMPORTED_SHARE * (spaced + touching))) return;
    for (const { spaces } of found) {
      const n = spaces.length;
      emit({
        ...spaces[0],
        message: msg(n > 1 ? `汉字与数字之间不加空格（本段 ${n} 处）` : '汉字与数字之间不加空格', n > 1 ? `No space between a 汉字 and a figure (${n} in this paragraph)` : 'No space between a 汉字 and a figure'),
        fix: { title: msg('删除汉字与数字之间的空格', 'Remove the spaces between 汉字 and figures'), kind: 'safe', edits: spaces.map((s) => ({ ...s, newText: '' })) },
      });
    }
  },
};
