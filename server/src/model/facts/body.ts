/** The body that reports, read from the title: a people's government or a department, and its level. */
import type { Report } from '../report';
import { DEPARTMENT_SUFFIXES, MUNICIPALITIES, NOT_LOCAL_DEPARTMENT, SPECIAL_ZONE_SUFFIXES } from '../vocabulary/body';

export type BodyKind = 'government' | 'department';
export type BodyLevel = 'township' | 'county' | 'municipal' | 'prefecture' | 'province';

export interface Body {
  name: string;
  kind: BodyKind;
  /** 'municipal' is a 市 that may be a 县级市 or a 设区的市; the text does not say which. */
  level: BodyLevel;
}

const MUNICIPALITY = new Set(MUNICIPALITIES);
const NAME = '[^省市县区乡镇旗盟\\s]';
const PLACE_RE = new RegExp(
  `^(${NAME}{2,}?(?:省|自治区))?(${NAME}{1,}?(?:自治州|市|盟|地区))?(${NAME}{1,}?(?:自治县|自治旗|县|旗|区))?(${NAME}{1,}?(?:民族乡|乡|镇|苏木))?`,
);
const SPECIAL_ZONE = new RegExp(`(?:${SPECIAL_ZONE_SUFFIXES.join('|')})$`);
const DEPARTMENT = new RegExp(`(?:${DEPARTMENT_SUFFIXES.join('|')})$`);
const NOT_LOCAL = new RegExp(NOT_LOCAL_DEPARTMENT.join('|'));

export function classifyBody(raw: string): Body | null {
  const s = raw.normalize('NFKC').replace(/[\s《》"“”]/g, '');
  if (!s || s.length > 40) return null;
  const m = PLACE_RE.exec(s)!;
  const [whole, prov, city, county, town] = m;
  if (!whole) return null;
  const rest = s.slice(whole.length);
  let kind: BodyKind | null = null;
  if (rest === '' || rest === '人民政府') kind = 'government';
  else if (DEPARTMENT.test(rest) && !NOT_LOCAL.test(s)) kind = 'department';
  if (!kind) return null;
  let level: BodyLevel | null = null;
  if (town) level = 'township';
  else if (county) level = /区$/.test(county) && SPECIAL_ZONE.test(county) ? null : 'county';
  else if (city) level = MUNICIPALITY.has(city) ? 'province' : /市$/.test(city) ? 'municipal' : 'prefecture';
  else if (prov) level = 'province';
  if (!level) return null;
  return { name: s, kind, level };
}

/** The body named by the title: the text before the year, or after it. Both must agree when both name one. */
export function bodyOf(report: Report): Body | null {
  const found: Body[] = [];
  if (report.agency) {
    const b = classifyBody(report.agency);
    if (b) found.push(b);
  }
  const t = report.title?.text.normalize('NFKC').replace(/\s+/g, '') ?? '';
  const m = /((?:19|20)\d{2})年度?/.exec(t);
  if (m) {
    for (const part of [t.slice(0, m.index), (/^(.*?)(?:政府信息公开|政务公开)/.exec(t.slice(m.index + m[0].length)) ?? [])[1] ?? '']) {
      const b = part ? classifyBody(part) : null;
      if (b) found.push(b);
    }
  }
  if (!found.length) return null;
  const first = found[0];
  return found.every((b) => b.kind === first.kind && b.level === first.level) ? first : null;
}
