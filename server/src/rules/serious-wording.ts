/**
 * serious-wording: a misspelt name of the state, of the 条例 or of a state organ (中华人民共合国, 国务院办公听).
 * A "serious wording error" (严重表述错误) is enough for a government website or new-media account to fail
 * the national inspection (《政府网站与政务新媒体检查指标》, 国办函〔2019〕80号). A short curated list of
 * wrong forms, each with the official name it misspells, why it is wrong and its source; the right text is
 * certain, so the fix is safe. An exact official name never matches.
 * Written with `npm run new-rule serious-wording` from the documented example.
 */
import { Rule, msg } from './rule';

/** The official names, with where each is fixed. */
const OFFICIAL = {
  state: { name: '中华人民共和国', source: '《中华人民共和国宪法》' },
  statute: { name: '中华人民共和国政府信息公开条例', source: '国务院令第711号（2019年修订）' },
  council: { name: '国务院', source: '《中华人民共和国宪法》第三章第三节' },
  office: { name: '国务院办公厅', source: '中国政府网“国务院组织机构”' },
} as const;

interface Entry {
  wrong: string;
  /** The right text: the official name, or the part of it that the wrong form stands for. */
  right: string;
  /** The official name it misspells. */
  of: keyof typeof OFFICIAL;
  /** What makes it a slip: the homophone or look-alike character. */
  why: string;
}

const ENTRIES: readonly Entry[] = [
  { wrong: '中华人民共合国', right: '中华人民共和国', of: 'state', why: '合 for 和 (homophone)' },
  { wrong: '中华人民大和国', right: '中华人民共和国', of: 'state', why: '大 for 共' },
  { wrong: '中共人民共和国', right: '中华人民共和国', of: 'state', why: '共 for 华' },
  { wrong: '中华人名共和国', right: '中华人民共和国', of: 'state', why: '名 for 民 (homophone)' },
  { wrong: '中华人民共和图', right: '中华人民共和国', of: 'state', why: '图 for 国 (look-alike)' },
  { wrong: '政府信息公开条列', right: '政府信息公开条例', of: 'statute', why: '列 for 例 (homophone)' },
  { wrong: '国务院办公听', right: '国务院办公厅', of: 'office', why: '听 for 厅 (homophone)' },
  { wrong: '国务院办工厅', right: '国务院办公厅', of: 'office', why: '工 for 公 (homophone)' },
  { wrong: '国务院力公厅', right: '国务院办公厅', of: 'office', why: '力 for 办 (look-alike, a common OCR slip)' },
  { wrong: '国物院', right: '国务院', of: 'council', why: '物 for 务 (homophone)' },
];

/** Whether the text at `at` lies inside an official name that contains `wrong` (never the case for this list, but a rule of the list). */
function insideOfficial(text: string, at: number, wrong: string): boolean {
  for (const o of Object.values(OFFICIAL)) {
    for (let k = o.name.indexOf(wrong); k >= 0; k = o.name.indexOf(wrong, k + 1)) if (at >= k && text.startsWith(o.name, at - k)) return true;
  }
  return false;
}

export const rule: Rule = {
  id: 'serious-wording',
  names: msg('严重表述错误', 'serious wording error'),
  description: msg('国家名称、条例名称或国家机关名称写错（严重表述错误）', 'A misspelt name of the state, of the 条例 or of a state organ (a serious wording error)'),
  tags: ['wording'],
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    reports: 'a misspelt 中华人民共和国 (`中华人民共合国`), 《中华人民共和国政府信息公开条例》 (`条列`), 国务院 or 国务院办公厅 (`国务院办公听`), from a short curated list; an exact official name never matches',
    fix: 'the official name',
  },
  check({ text, emit }) {
    for (const e of ENTRIES) {
      for (let at = text.indexOf(e.wrong); at >= 0; at = text.indexOf(e.wrong, at + e.wrong.length)) {
        if (insideOfficial(text, at, e.wrong)) continue;
        const end = at + e.wrong.length;
        emit({
          start: at, end,
          message: msg(`“${e.wrong}”应为“${e.right}”（严重表述错误）`, `"${e.wrong}" should be "${e.right}" (a serious wording error)`),
          fix: { title: msg(`改为“${e.right}”`, `Change to "${e.right}"`), kind: 'safe', edits: [{ start: at, end, newText: e.right }] },
        });
      }
    }
  },
};

/** For tests: the list and the official names. */
export const SERIOUS_WORDING = { ENTRIES, OFFICIAL };
