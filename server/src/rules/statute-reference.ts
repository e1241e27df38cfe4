import { REGULATION_ARTICLES, REPORT_ARTICLES, readProse } from '../model/prose';
import { T2_ITEMS } from '../model/template';
import { Rule, msg } from './rule';

const clauseOf = (item: string) => T2_ITEMS.find((it) => it.id === item)?.label ?? `第二十条第（${item}）项`;
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * References to the regulation must be right: table 二's rows sit under their own 第二十条 item, an
 * article cited from the regulation exists (it has 56), and the article cited for compiling or
 * publishing the annual report is one that speaks of it (第四条, 第四十九条, 第五十条).
 */
export const rule: Rule = {
  id: 'statute-reference',
  names: msg('条款引用', 'statute reference'),
  description: msg('条例条款引用有误：表二行列在错误的第二十条项下，条款不存在，或引用条款与所述内容不符', 'Wrong reference to the regulation: a table 二 row under another item of article 20, an article that does not exist, or an article cited for what it does not say'),
  tags: ['content', 'statute'],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    reports: 'a table 二 row under another 第二十条 item; an article the regulation does not have (it has 56); an article other than 第四/四十九/五十条 given as the basis of the report',
    fix: '—',
  },
  check({ report, text, emit }) {
    const prose = readProse(report);
    for (const r of prose.misplacedRows) {
      const under = `第二十条第（${CN[r.under.clause] ?? r.under.clause}）项`;
      emit({
        start: r.start, end: r.end,
        message: msg(`“${r.label}”属于${clauseOf(r.belongs)}，却列在${under}下`, `"${r.label}" belongs to ${clauseOf(r.belongs)} but is listed under ${under}`),
        related: [{ start: r.under.start, end: r.under.end, message: msg(`所在的项：${under}`, `Listed under ${under}`) }],
      });
    }
    for (const a of prose.articles) {
      const cited = text.slice(a.start, a.end);
      if (a.article > REGULATION_ARTICLES || a.article < 1) {
        emit({
          start: a.start, end: a.end,
          message: msg(`《条例》（2019年修订）共${REGULATION_ARTICLES}条，没有${cited}`, `The regulation (2019 revision) has ${REGULATION_ARTICLES} articles; there is no article ${a.article}`),
        });
      } else if (a.aboutReport && !REPORT_ARTICLES.has(a.article) && report.year !== null && report.year >= 2019) {
        emit({
          start: a.start, end: a.end,
          message: msg(`年度报告的编制和公布依据是《条例》第四十九条（报送和公布期限）、第五十条（报告内容），不是${cited}`,
            `The annual report rests on articles 49 (deadline) and 50 (content) of the regulation, not article ${a.article}`),
        });
      }
    }
  },
};
