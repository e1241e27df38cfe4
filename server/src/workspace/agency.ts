/**
 * Agency names as keys: two titles name the same body when their normalised names are equal, or when
 * one is the other with more of the administrative hierarchy in front (洪泽区人民政府 and
 * 淮安市洪泽区人民政府). Matching is by name only; the caller says so when more than one body matches.
 */

/** Characters that end the name of an administrative division (省, 市, 区, 县, 镇 …). */
const DIVISION_END = /[省市区县州旗盟镇乡]$|街道$|自治区$/;
/** A name that starts with a place: some characters, then a division (平潭综合实验区, 洪泽区, 上海市科委). */
const STARTS_WITH_PLACE = /^[^省市区县州旗盟镇乡]+(?:[省市区县州旗盟镇乡]|街道)/;

/**
 * The comparable form of an agency name: NFKC, no spaces or punctuation, 人民政府 → 政府,
 * 办公厅/办公室 → 办公, and a bare government (洪泽区人民政府) as its place (洪泽区).
 */
export function agencyKey(name: string): string {
  let s = name.normalize('NFKC').replace(/[\s"'“”‘’《》<>()（）【】\[\]·.,，、:：;；-]/g, '');
  s = s.replace(/人民政府/g, '政府').replace(/办公厅|办公室/g, '办公');
  if (s.endsWith('政府') && DIVISION_END.test(s.slice(0, -2))) s = s.slice(0, -2);
  return s;
}

export type AgencyMatch = 'exact' | 'prefixed' | null;

/**
 * How two agency keys match: `exact`, `prefixed` when one is the other with a higher-level place in
 * front (淮安市 + 洪泽区), or null. A name without a place of its own (政府办公) never matches by prefix.
 */
export function matchAgency(a: string, b: string): AgencyMatch {
  if (!a || !b) return null;
  if (a === b) return 'exact';
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (!long.endsWith(short) || !STARTS_WITH_PLACE.test(short)) return null;
  const extra = long.slice(0, long.length - short.length);
  return DIVISION_END.test(extra) ? 'prefixed' : null;
}
