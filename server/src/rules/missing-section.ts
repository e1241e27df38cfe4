import { renderSection } from '../model/skeleton';
import { SECTIONS, versionForYear } from '../model/template';
import { countTrailing } from '../syntax/parse';
import { Rule, msg } from './rule';

/** Text this long without any section heading is one finding, not six. */
const NO_SECTIONS_MIN = 300;

/** One diagnostic per missing section 一…六; the fix inserts its heading and empty table in the document's own layout. */
export const rule: Rule = {
  id: 'missing-section',
  names: msg('缺少章节', 'missing section'),
  description: msg('缺少《条例》第五十条规定的章节', 'A section required by article 50 is missing'),
  tags: ['structure'],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    reports: 'a missing section 一…六',
    fix: 'inserts the heading and empty table, in the document\'s layout and version',
  },
  check({ report, text, emit }) {
    const present = new Set(report.sections.map((s) => s.index));
    const version = report.formatVersion ?? versionForYear(report.year);
    const eol = /\r\n/.test(text) ? '\r\n' : '\n';
    const prefix = /^#+\s*/.exec(report.headings[0]?.line.text ?? '')?.[0] ?? '';
    const lines = report.tree.lines;
    if (present.size === 0 && text.trim().length >= NO_SECTIONS_MIN) {
      // Text without a single section heading: the headings could not be found, which is one problem.
      const first = lines.find((l) => l.text.trim() !== '')!;
      const titles = SECTIONS.map((d) => `${d.numeral}、${d.title[version]}`).join('、');
      emit({
        start: first.start, end: first.end,
        message: msg(`找不到任何章节标题（应有${titles}六部分，《条例》第五十条），无法逐部分检查：请确认各部分标题单独成行、以“一、”至“六、”编号`,
          `No section heading was found (article 50 requires six: ${titles}); the report cannot be checked section by section — put each heading on a line of its own, numbered 一、 to 六、`),
      });
      return;
    }
    for (const def of SECTIONS) {
      if (present.has(def.index)) continue;
      const next = report.sections.filter((s) => s.index > def.index).sort((a, b) => a.startLine - b.startLine)[0];
      const skeleton = renderSection(def.index, version, report.layout, { eol, headingPrefix: prefix });
      let at: number;
      let newText: string;
      let start: number;
      let end: number;
      if (next) {
        at = lines[next.startLine].start;
        newText = `${skeleton}${eol}${eol}`;
        start = next.heading.numeralStart;
        end = next.heading.titleEnd;
      } else {
        at = text.length;
        const trailing = text.slice(text.length - countTrailing(text, /[\r\n]/));
        const need = text.trim() === '' ? '' : trailing.length === 0 ? eol + eol : trailing === eol ? eol : '';
        newText = `${need}${skeleton}${eol}`;
        const last = [...lines].reverse().find((l) => l.text.trim() !== '');
        start = last ? last.start : 0;
        end = last ? last.end : 0;
      }
      const title = `${def.numeral}、${def.title[version]}`;
      emit({
        start, end,
        message: msg(`缺少第${def.numeral}部分“${title}”（《条例》${def.article}）`, `Section ${def.index} "${title}" is missing (article 50)`),
        fix: { kind: 'safe', title: msg(`插入缺失的章节“${title}”`, `Insert the missing section "${title}"`), edits: [{ start: at, end: at, newText }] },
      });
    }
  },
};
