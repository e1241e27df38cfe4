/**
 * serious-wording: a misspelt name of the state, of the 条例 or of a state organ (中华人民共合国, 国务院办公听),
 * or of the report's own fixed wording (政府信息公开工作年度报告). A "serious wording error" (严重表述错误) is
 * enough for a government website or new-media account to fail the national inspection
 * (《政府网站与政务新媒体检查指标》, 国办函〔2019〕80号). The curated list is data
 * (model/vocabulary/proofreading.ts), each entry with its source; the right text is certain, so the fix is
 * safe. An exact official name never matches, nor does a word of the user dictionary's `allow`. A section
 * heading or table label that official-wording rewrites whole (its fix settles the typo) is left to it:
 * one problem, one finding.
 */
import { OFFICIAL_NAMES, SERIOUS_ENTRIES } from '../model/vocabulary/proofreading';
import { DICTIONARY_OPTION, allowed, inside, readDictionary } from './lib/dictionary';
import type { Report } from '../model/report';
import { Rule, msg } from './rule';

/** The headings and table labels official-wording replaces with the official wording. */
function officialSpans(report: Report): { start: number; end: number }[] {
  const out = report.headings.filter((h) => h.wordingTypo).map((h) => ({ start: h.titleStart, end: h.titleEnd }));
  for (const table of report.tables) {
    for (const row of table.rows) {
      if (row.label && row.officialLabel && row.labelCost !== 0) out.push({ start: row.label.start, end: row.label.end });
    }
  }
  return out;
}

const OFFICIAL = OFFICIAL_NAMES.map((o) => o.name);

export const rule: Rule = {
  id: 'serious-wording',
  names: msg('严重表述错误', 'serious wording error'),
  description: msg('国家名称、条例名称、国家机关名称或报告名称写错（严重表述错误）', 'A misspelt name of the state, of the 条例, of a state organ or of the report (a serious wording error)'),
  tags: ['wording'],
  defaultSeverity: 'error',
  fixable: true,
  options: { dictionary: DICTIONARY_OPTION },
  docs: {
    reports: 'a misspelt 中华人民共和国 (`中华人民共合国`), 《中华人民共和国政府信息公开条例》 (`条列`, `《条列》`), 国务院, 国务院办公厅 (`国务院办公听`), 全国人民代表大会 or 政府信息公开工作年度报告, from a curated list with a source per entry; an exact official name never matches',
    fix: 'the official name',
  },
  check({ report, text, emit, options }) {
    const dictionary = readDictionary(options.dictionary);
    const rewritten = officialSpans(report);
    for (const e of SERIOUS_ENTRIES) {
      for (let at = text.indexOf(e.wrong); at >= 0; at = text.indexOf(e.wrong, at + e.wrong.length)) {
        const end = at + e.wrong.length;
        if (inside(text, at, end, OFFICIAL) || allowed(dictionary, text, at, end)) continue;
        if (rewritten.some((r) => r.start <= at && end <= r.end)) continue;
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
export const SERIOUS_WORDING = { ENTRIES: SERIOUS_ENTRIES, OFFICIAL: OFFICIAL_NAMES };
