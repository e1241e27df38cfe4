import type { Report } from '../model/report';
import { proseLinesOnly } from './lib/metadata';
import { Rule, msg } from './rule';

/**
 * Half-width punctuation in Chinese prose: ASCII parentheses in list numbering and statute references
 * (`(一)`), and ASCII commas, semicolons and colons between Chinese characters. URLs, numbers and tables
 * are not prose, nor are the metadata lines a web copy puts above the report (`标题: …`). One finding per paragraph for its commas and colons; the fix writes the full-width forms.
 */
export const rule: Rule = {
  id: 'punctuation',
  names: msg('半角标点', 'half-width punctuation'),
  description: msg('中文正文中使用了半角标点', 'Half-width punctuation in Chinese prose'),
  tags: ['wording'],
  defaultSeverity: 'hint',
  fixable: true,
  docs: {
    reports: '`(一)` in numbering and statute references; ASCII `,` `;` `:` between Chinese characters, one finding per paragraph',
    fix: 'full-width forms',
  },
  check({ report, emit }) {
    for (const p of halfWidthPunctuation(report)) {
      const edits = p.marks.map((m) => ({ start: m.start, end: m.end, newText: m.replacement }));
      const first = p.marks[0];
      if (p.kind === 'numbering') {
        emit({
          start: first.start, end: p.marks[p.marks.length - 1].end,
          message: msg(`序号应使用全角括号：“${p.text}”应为“${p.fixed}”`, `Numbering takes full-width parentheses: "${p.text}" should be "${p.fixed}"`),
          fix: { title: msg(`改为“${p.fixed}”`, `Change to "${p.fixed}"`), kind: 'safe', edits },
        });
      } else {
        const n = p.marks.length;
        emit({
          start: first.start, end: first.end,
          message: msg(n > 1 ? `中文正文中使用了半角标点（本段 ${n} 处），应为全角` : `中文正文中使用了半角标点“${p.text}”，应为“${first.replacement}”`,
            n > 1 ? `Half-width punctuation in Chinese prose (${n} in this paragraph); use full-width forms` : `Half-width "${p.text}" in Chinese prose; use "${first.replacement}"`),
          fix: { title: msg('改为全角标点', 'Use full-width punctuation'), kind: 'safe', edits },
        });
      }
    }
  },
};

// ------------------------------------------------------------------ detection

interface PunctuationMark {
  start: number;
  end: number;
  replacement: string;
}

interface HalfWidth {
  kind: 'numbering' | 'marks';
  text: string;
  fixed: string;
  marks: PunctuationMark[];
}

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：' };
const CJK = /[\u4e00-\u9fff]/;
const CJK_CLOSE = /[\u4e00-\u9fff）》」”』】]/;
const CJK_OPEN = /[\u4e00-\u9fff（《“「『【]/;
const NUMBERING_RE = /[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）]/g;

function halfWidthPunctuation(report: Report): HalfWidth[] {
  const out: HalfWidth[] = [];
  for (const line of proseLinesOnly(report)) {
    const t = line.text;
    const found: HalfWidth[] = [];
    for (const m of t.matchAll(NUMBERING_RE)) {
      if (!/[()]/.test(m[0])) continue;
      const fixed = `（${m[1]}）`;
      found.push({ kind: 'numbering', text: m[0], fixed, marks: [{ start: line.start + m.index!, end: line.start + m.index! + m[0].length, replacement: fixed }] });
    }
    const marks: PunctuationMark[] = [];
    let text = '';
    for (let i = 1; i < t.length; i++) {
      const code = t.charCodeAt(i);
      if (code !== 44 && code !== 58 && code !== 59) continue; // , : ;
      const c = t[i];
      if (!CJK_CLOSE.test(t[i - 1])) continue;
      let j = i + 1;
      while (j < t.length && j <= i + 2 && t[j] === ' ') j++;
      const right = t[j] ?? '';
      const ok = CJK_OPEN.test(right) || (c !== ':' && /\d/.test(right) && CJK.test(t[i - 1]));
      if (!ok) continue;
      marks.push({ start: line.start + i, end: line.start + j, replacement: FULL[c] });
      text ||= t.slice(i, j);
    }
    if (marks.length) found.push({ kind: 'marks', text, fixed: marks[0].replacement, marks });
    out.push(...found.sort((a, b) => a.marks[0].start - b.marks[0].start));
  }
  return out;
}
