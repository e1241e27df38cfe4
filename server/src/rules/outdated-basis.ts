import { readFacts } from '../model/facts';
import { FORMAT_2021_FROM_YEAR } from '../model/template';
import { Rule, msg } from './rule';

const NOTICE_2021 = '国办公开办函〔2021〕30号';

/**
 * The basis the report cites: from report year 2021 the format is the 2021 one (国办公开办函〔2021〕30号),
 * not the trial format of 2019 (〔2019〕60号); the regulation in force since 2019 is 国务院令第711号, not
 * the 2007 text (第492号); and a format notice must carry its own number.
 */
export const rule: Rule = {
  id: 'outdated-basis',
  names: msg('过时依据', 'outdated basis'),
  description: msg('引用了已被取代的格式通知或2007年条例，或格式通知文号有误', 'Cites a superseded format notice or the 2007 regulation, or misnumbers the format notice'),
  tags: ['content', 'basis'],
  defaultSeverity: 'warning',
  fixable: false,
  docs: {
    reports: 'a 2021+ report citing the 2019 trial format (〔2019〕60号), the 2007 regulation (国务院令第492号) cited as current, a format notice with a wrong number',
    fix: '—',
  },
  check({ report, emit }) {
    const year = report.year;
    for (const c of readFacts(report).citations) {
      if ((c.kind === 'format-2019' || (c.kind === 'format-trial' && !c.text.includes('30'))) && year !== null && year >= FORMAT_2021_FROM_YEAR) {
        emit({
          start: c.start, end: c.end,
          message: msg(`${year} 年报告引用了 2019 年试行格式（“${c.text}”），应为 ${NOTICE_2021} 印发的格式`,
            `A ${year} report cites the 2019 trial format ("${c.text}"); the basis is the format issued with ${NOTICE_2021}`),
        });
      } else if (c.kind === 'format-trial' && c.text.includes('30')) {
        emit({ start: c.start, end: c.end, message: msg(`${NOTICE_2021} 印发的格式不是“试行”格式，名称有误`, `The format issued with ${NOTICE_2021} is not the trial format; the name is wrong`) });
      } else if (c.kind === 'format-misnumbered') {
        emit({
          start: c.start, end: c.end,
          message: msg(`年度报告格式通知的文号有误（“${c.text}”）：2021 年格式为 ${NOTICE_2021}，2019 年试行格式为 国办公开办函〔2019〕60号`,
            `The format notice is misnumbered ("${c.text}"): the 2021 format is ${NOTICE_2021}, the 2019 trial format 国办公开办函〔2019〕60号`),
        });
      } else if (c.kind === 'regulation-2007' && year !== null && year >= 2019) {
        emit({
          start: c.start, end: c.end,
          message: msg(`引用了2007年公布的条例（“${c.text}”）；现行条例为2019年修订（国务院令第711号）`,
            `Cites the 2007 regulation ("${c.text}"); the regulation in force is the 2019 revision (State Council Order No. 711)`),
        });
      }
    }
  },
};
