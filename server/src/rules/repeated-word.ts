import type { Report } from '../model/report';
import { proseLinesOnly } from './lib/metadata';
import { Rule, msg } from './rule';

/** An accidentally doubled word (资金资金, 的的). Legitimate doubling (研究研究, 常常, 清清楚楚) is not read as one. The fix deletes one copy. */
export const rule: Rule = {
  id: 'repeated-word',
  names: msg('词语重复', 'repeated word'),
  description: msg('词语重复（如“资金资金”“的的”）', 'An accidentally doubled word'),
  tags: ['wording'],
  defaultSeverity: 'hint',
  fixable: true,
  docs: {
    reports: 'a doubled word (`资金资金`, `审核审核`, `的的`); 研究研究, 常常, 清清楚楚 and 人民政府政府信息 are not',
    fix: 'deletes one copy',
  },
  check({ report, emit }) {
    for (const r of repeatedWords(report)) {
      emit({
        start: r.start, end: r.end,
        message: msg(`“${r.word}”重复：“${r.word}${r.word}”`, `"${r.word}" is doubled`),
        fix: { title: msg(`删除重复的“${r.word}”`, `Delete the repeated "${r.word}"`), kind: 'safe', edits: [{ start: r.start + r.word.length, end: r.end, newText: '' }] },
      });
    }
  },
};

// ------------------------------------------------------------------ detection

interface RepeatedWord {
  word: string;
  /** Covers both copies. */
  start: number;
  end: number;
}

/** Verbs that are doubled on purpose (a tentative "do a little"): 研究研究. */
const DOUBLED_VERBS = new Set(['研究', '讨论', '学习', '商量', '考虑', '休息', '了解', '检查', '整理', '打扫', '锻炼', '活动', '介绍', '交流', '比较', '认识', '总结', '琢磨', '思考', '看看', '走走', '说说', '想想', '试试', '谈谈', '问问', '听听', '议论', '打听', '收拾', '准备', '清理', '梳理', '提高']);
/** Words ending in 的, so that 的的 after them is word + particle: 目的的, 有的的. */
const DE_WORDS = /[目标有别似真端]$/;
/** Terms that often follow a word ending in their own first characters (人民政府政府信息公开, 年度报告报告期). */
const STRADDLING_TERMS = ['政府信息', '信息公开', '信息化', '公开目录', '公开指南', '公开专栏', '报告期', '工作机构', '工作人员', '信息处理费', '会议纪要', '管理制度', '服务事项', '服务中心', '项目建设', '建设项目'];
const DOUBLE_RE = /([\u4e00-\u9fff]{2,6})\1/g;

function repeatedWords(report: Report): RepeatedWord[] {
  const out: RepeatedWord[] = [];
  for (const line of proseLinesOnly(report)) {
    const t = line.text;
    const re = new RegExp(DOUBLE_RE.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(t)) !== null) {
      const w = m[1];
      if (w.length === 2 && w[0] === w[1]) continue; // AAAA: 常常常常 is not a typo we can judge
      if (w[0] === '一' || DOUBLED_VERBS.has(w)) continue; // 一个一个, 一步一步; 研究研究
      if (/^(.)\1/.test(w) || /(.)\1$/.test(w)) continue; // part of an AABB reduplication
      // The end of one term and the start of the next: 人民政府 + 政府信息公开.
      const second = t.slice(m.index + w.length);
      if (STRADDLING_TERMS.some((term) => term.startsWith(w) && second.startsWith(term))) continue;
      // A run of copies (问题问题问题) is one finding.
      let endIdx = m.index + m[0].length;
      while (t.startsWith(w, endIdx)) endIdx += w.length;
      re.lastIndex = endIdx;
      out.push({ word: w, start: line.start + m.index, end: line.start + endIdx });
    }
    for (const m of t.matchAll(/的的/g)) {
      if (DE_WORDS.test(t.slice(0, m.index!)) || t.startsWith('的的确确', m.index!)) continue;
      out.push({ word: '的', start: line.start + m.index!, end: line.start + m.index! + 2 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
