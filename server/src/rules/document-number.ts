/**
 * document-number: the year of a 发文字号 in the wrong brackets (`国办函[2020]109号`, `【2021】`,
 * `（2021）`, `［2021］`). GB/T 9704-2012《党政机关公文格式》7.2.4 puts the year in 六角括号 〔〕; the fix
 * writes them. The rules that read citations (outdated-basis, statute-reference) recognise a notice
 * however it is bracketed (model/facts/citations.ts). Reads the prose only.
 */
import { DOCUMENT_NUMBER } from '../model/vocabulary/proofreading';
import { spanOf } from '../model/segments';
import { proseParagraphs } from './lib/metadata';
import { DICTIONARY_OPTION, inside, readDictionary } from './lib/dictionary';
import { NUMBER_RE } from './lib/document-number';
import { Rule, msg } from './rule';

const { open, close } = DOCUMENT_NUMBER;

export const rule: Rule = {
  id: 'document-number',
  names: msg('发文字号括号', 'document number brackets'),
  description: msg('发文字号的年份应使用六角括号〔〕', 'The year of a document number takes 六角括号 〔〕 (GB/T 9704)'),
  tags: ['wording'],
  defaultSeverity: 'hint',
  fixable: true,
  options: { dictionary: DICTIONARY_OPTION },
  docs: {
    reports: 'the year of a 发文字号 in `[2021]`, `【2021】`, `(2021)`, `（2021）` or `［2021］` instead of `〔2021〕` (GB/T 9704-2012, 7.2.4)',
    fix: '`〔2021〕`',
  },
  check({ report, emit, options }) {
    const dictionary = readDictionary(options.dictionary);
    for (const p of proseParagraphs(report)) {
      for (const m of p.text.matchAll(NUMBER_RE)) {
        if (m[1] === open && m[3] === close) continue;
        const from = m.index!;
        const to = from + m[0].length;
        if (inside(p.text, from, to, dictionary.allow)) continue;
        const a = spanOf(p, from, from + 1);
        const b = spanOf(p, to - 1, to);
        const right = `${open}${m[2]}${close}`;
        const edits = [...(m[1] === open ? [] : [{ ...a, newText: open }]), ...(m[3] === close ? [] : [{ ...b, newText: close }])];
        emit({
          start: a.start, end: b.end,
          message: msg(`发文字号的年份应使用六角括号：“${m[0]}”应为“${right}”`, `A document number's year takes 六角括号: "${m[0]}" should be "${right}"`),
          fix: { title: msg(`改为“${right}”`, `Change to "${right}"`), kind: 'safe', edits },
        });
      }
    }
  },
};
