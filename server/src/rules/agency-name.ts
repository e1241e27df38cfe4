/**
 * agency-name: the agency named in the title, written differently in the body or the 落款: a variant of a
 * part of its name (`平潭综合区` for 平潭综合实验区 with 实验 left out, `财政全融局` for 财政金融局 with one
 * character changed), reported on the variant with a fix to the title's form. The accepted short forms are
 * not variants: 区政府 for 区人民政府 and the other forms with the same agency key (workspace/agency.ts),
 * and a name without the places above it (洪泽区人民政府 in 淮安市洪泽区人民政府). Words of the user
 * dictionary's `allow` are never flagged. Reads the prose only.
 */
import { paragraphs, spanOf } from '../model/segments';
import { agencyKey } from '../workspace/agency';
import { DICTIONARY_OPTION, inside, readDictionary } from './lib/dictionary';
import { Rule, msg } from './rule';

/** A place at the start of a name: two or more characters and a division (not 城乡, 市场, 区域: words, not places). */
const PLACE = /^[^省市区县州旗盟镇乡]{2,}?(?:自治区|街道|(?<!城)乡|[省市区县州旗盟镇](?![场域级]))/;

/** The places of a name in order (平潭综合实验区; 淮安市, 洪泽区), then the rest (财政金融局, 人民政府). */
export function nameParts(name: string): string[] {
  const parts: string[] = [];
  let rest = name;
  for (let m = PLACE.exec(rest); m; m = PLACE.exec(rest)) {
    parts.push(m[0]);
    rest = rest.slice(m[0].length);
  }
  if (rest) parts.push(rest);
  return parts;
}

/** The parts worth checking: four characters or more, not the generic name of a government. */
const GENERIC = new Set(['人民政府', '人民政府办公室', '办公室', '管理委员会']);

/** Characters whose omission is an accepted short form (住房城乡建设局 for 住房和城乡建设局). */
const OMISSIBLE = /^[和与及]+$/;

/**
 * Kinds of place, area and road a place's name ends in: with one of them at its end a variant of a place
 * is another place or an area (清江大道 beside 清江街道, 浦东城区 beside 浦东新区), or a short form of a zone
 * that may be another body (淮安经济开发区 beside 淮安经济技术开发区, 平潭实验区 beside 平潭综合实验区).
 */
const AREA = '地区|城区|郊区|片区|市区|街区|园区|社区|辖区|景区|老区|新区|山区|湖区|矿区|港区|校区|全区|全市|全县|大道|街道|大街|公路|实验区|示范区|开发区|保税区|合作区|功能区|高新区|自治区|[路街巷村镇乡]';
const AREA_END = new RegExp(`(?:${AREA})$`);
const AREA_WORD = new RegExp(`^(?:${AREA})$`);

/**
 * The variants of `part` to look for: a run of one or two characters left out inside it (not the first
 * two, not the last), unless the result is an accepted short form (the same agency key, or 和 left out)
 * or names a kind of zone of its own (平潭实验区: 综合 left out before 实验区).
 */
function omissions(part: string): string[] {
  const out = new Set<string>();
  for (let len = 1; len <= 2; len++) {
    for (let i = 2; i + len < part.length; i++) {
      const v = part.slice(0, i) + part.slice(i + len);
      if (OMISSIBLE.test(part.slice(i, i + len))) continue;
      if (v.length >= 4 && agencyKey(v) !== agencyKey(part) && !(isPlace(part) && AREA_WORD.test(part.slice(i + len)))) out.add(v);
    }
  }
  return [...out];
}

/** Whether `part` is a place (平潭综合实验区, 清江街道), not an office (财政金融局). */
function isPlace(part: string): boolean {
  const m = PLACE.exec(part);
  return !!m && m[0] === part;
}

export interface Variant {
  at: number;
  wrong: string;
  right: string;
}

/** The variants of the parts of `agency` in `text`: omissions, and one character changed (not the first two). */
export function variantsIn(text: string, agency: string): Variant[] {
  const out: Variant[] = [];
  for (const part of nameParts(agency)) {
    if (part.length < 4 || GENERIC.has(part)) continue;
    for (const v of omissions(part)) {
      for (let at = text.indexOf(v); at >= 0; at = text.indexOf(v, at + 1)) out.push({ at, wrong: v, right: part });
    }
    // One character changed: a window of the part's length with the same first two and last characters.
    const head = part.slice(0, 2);
    for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
      const w = text.slice(at, at + part.length);
      if (w.length !== part.length || w === part || w[w.length - 1] !== part[part.length - 1]) continue;
      let diff = 0;
      let changed = -1;
      for (let k = 2; k < w.length - 1; k++) if (w[k] !== part[k]) { diff++; changed = k; }
      if (diff !== 1 || !/^[\u4e00-\u9fff]+$/.test(w)) continue;
      // A place whose kind is changed into an area or a road (清江大道, 浦东城区) is another place, not a typo.
      const area = isPlace(part) ? AREA_END.exec(w) : null;
      if (area && area.index <= changed) continue;
      out.push({ at, wrong: w, right: part });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

export const rule: Rule = {
  id: 'agency-name',
  names: msg('机关名称不一致', 'agency name variant'),
  description: msg('正文或落款中的机关名称与标题不一致（如“平潭综合区”与“平潭综合实验区”）', 'The agency of the title written differently in the body or the 落款 (平潭综合区 for 平潭综合实验区)'),
  tags: ['wording'],
  defaultSeverity: 'warning',
  fixable: true,
  options: { dictionary: DICTIONARY_OPTION },
  docs: {
    reports: 'a variant of the title\'s agency in the body or the 落款 (`平潭综合区` for 平潭综合实验区, `财政全融局` for 财政金融局); short forms with the same agency key (区政府) and names without the places above them are accepted',
    fix: 'the title\'s form',
  },
  check({ report, emit, options }) {
    const agency = report.agency;
    if (!agency) return;
    const dictionary = readDictionary(options.dictionary);
    const title = report.title;
    for (const p of paragraphs(report)) {
      for (const v of variantsIn(p.text, agency)) {
        const end = v.at + v.wrong.length;
        if (inside(p.text, v.at, end, dictionary.allow)) continue;
        const span = spanOf(p, v.at, end);
        if (title && span.start >= title.start && span.end <= title.end) continue;
        const whole = span.end - span.start === v.wrong.length;
        emit({
          ...span,
          message: msg(`“${v.wrong}”与标题中的机关名称“${v.right}”不一致`, `"${v.wrong}" differs from the agency named in the title, "${v.right}"`),
          ...(whole ? { fix: { title: msg(`改为“${v.right}”`, `Change to "${v.right}"`), kind: 'safe' as const, edits: [{ ...span, newText: v.right }] } } : {}),
          ...(title ? { related: [{ start: title.start, end: title.end, message: msg('标题中的机关名称', 'the agency in the title') }] } : {}),
        });
      }
    }
  },
};
