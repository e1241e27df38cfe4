/**
 * look-alike: a look-alike or homophone character in the prose (`己经` for 已经, `不子公开` for 不予公开,
 * `参加入数` for 参加人数), the slips office proofreading tools catch. A curated list (data:
 * model/vocabulary/proofreading.ts), each entry with its source, the contexts in which the wrong form is
 * right (`末来` inside `周末来`, `布署` inside `发布署名文章`) and an example sentence; no statistical model. A
 * form that starts with a surname is not reported in a person's name (副部长杜会明主持). The user dictionary adds
 * pairs (`replace`) and words never to flag (`allow`). Reads the prose only: table labels are
 * official-wording's.
 */
import { LOOK_ALIKE_ENTRIES, type LookAlikeEntry } from '../model/vocabulary/proofreading';
import { paragraphs, spanOf } from '../model/segments';
import { DICTIONARY_OPTION, inside, readDictionary } from './lib/dictionary';
import { Rule, msg } from './rule';

/** A title or role just before a name (副部长杜会明), or just after it (杜会明同志, 杜会明主持). */
const TITLE_BEFORE = /(?:[部局处科厅院校所站队组市区县镇乡]长|主任|书记|主席|委员|同志|经理|代表)$/;
const TITLE_AFTER = /^[\u4e00-\u9fff]?(?:同志|先生|女士|主持|[部局处科厅院校所站队组市区县镇乡]长|主任|书记|主席|委员)/;

/** Whether the form at `at`…`end` of `t` is the start of a person's name. */
function inName(t: string, at: number, end: number): boolean {
  return TITLE_BEFORE.test(t.slice(Math.max(0, at - 4), at)) || TITLE_AFTER.test(t.slice(end, end + 4));
}

export const rule: Rule = {
  id: 'look-alike',
  names: msg('形近字、同音字', 'look-alike character'),
  description: msg('正文中的形近字、同音字错误（如“己经”“不子公开”）', 'A look-alike or homophone character in the prose (己经 for 已经, 不子公开 for 不予公开)'),
  tags: ['wording'],
  defaultSeverity: 'warning',
  fixable: true,
  options: { dictionary: DICTIONARY_OPTION },
  docs: {
    reports: 'a look-alike or homophone slip in the prose from a curated list with a source per entry (`己经`, `杜会`, `末来` but not in `周末来`, `严于律已`, `不子公开`, `参加入数` …) and the user dictionary\'s `replace` pairs; words of its `allow` are never flagged',
    fix: 'the right wording',
  },
  check({ report, emit, options }) {
    const dictionary = readDictionary(options.dictionary);
    const user: LookAlikeEntry[] = Object.entries(dictionary.replace).map(([wrong, right]) => ({ wrong, right, rightIn: [], source: 'dictionary', example: '' }));
    const entries = [...LOOK_ALIKE_ENTRIES, ...user];
    for (const p of paragraphs(report)) {
      const t = p.text;
      for (const e of entries) {
        for (let at = t.indexOf(e.wrong); at >= 0; at = t.indexOf(e.wrong, at + e.wrong.length)) {
          const end = at + e.wrong.length;
          if (inside(t, at, end, e.rightIn) || inside(t, at, end, dictionary.allow)) continue;
          if (e.surname && inName(t, at, end)) continue;
          const span = spanOf(p, at, end);
          // A form broken over a line break is reported without a fix (the edit would remove the break).
          const whole = span.end - span.start === e.wrong.length;
          emit({
            ...span,
            message: msg(`“${e.wrong}”应为“${e.right}”`, `"${e.wrong}" should be "${e.right}"`),
            ...(whole ? { fix: { title: msg(`改为“${e.right}”`, `Change to "${e.right}"`), kind: 'safe' as const, edits: [{ ...span, newText: e.right }] } } : {}),
          });
        }
      }
    }
  },
};
