/**
 * The user dictionary of the proofreading rules: the configuration file's top-level `dictionary` key
 * (`{"allow": ["平潭综合区"], "replace": {"错字": "正字"}}`). `allow` holds words never to flag (local place
 * and agency names): a finding that lies inside an occurrence of an allowed word is not reported. `replace`
 * holds extra `wrong → right` pairs, reported by look-alike with a safe fix. The engine hands it to each
 * rule that declares the `dictionary` option (service/config.ts fills it in from the top-level key), so
 * a rule's own `dictionary` option adds to it.
 */
import type { RuleOption } from '../rule';
import { msg } from '../rule';

export interface Dictionary {
  allow: string[];
  replace: Record<string, string>;
}

/** The JSON schema of a dictionary (the configuration file's `dictionary` key and each rule's option). */
export const DICTIONARY_SCHEMA: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: {
      description: '不检查的词（本地地名、机关名称）/ words never to flag (local place and agency names)',
      type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true,
    },
    replace: {
      description: '补充的“错误 → 正确”词对 / extra "wrong → right" pairs',
      type: 'object', additionalProperties: { type: 'string' },
    },
  },
};

/** The option every proofreading rule declares; its default is the empty dictionary. */
export const DICTIONARY_OPTION: RuleOption = {
  description: msg('用户词典（通常写在配置文件顶层的 "dictionary" 中）：allow 为不检查的词，replace 为补充的错词对',
    'The user dictionary (usually the configuration file\'s top-level "dictionary"): allow = words never to flag, replace = extra wrong → right pairs'),
  schema: DICTIONARY_SCHEMA,
  default: {},
};

/** A dictionary read from any value: what is valid is kept, the rest ignored (never throws). */
export function readDictionary(value: unknown): Dictionary {
  const out: Dictionary = { allow: [], replace: {} };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.allow)) out.allow = v.allow.filter((w): w is string => typeof w === 'string' && w.length > 0);
  if (v.replace && typeof v.replace === 'object' && !Array.isArray(v.replace)) {
    for (const [w, r] of Object.entries(v.replace as Record<string, unknown>)) if (w && typeof r === 'string' && r !== w) out.replace[w] = r;
  }
  return out;
}

/** Two dictionaries as one (the second's pairs win). */
export function mergeDictionaries(a: unknown, b: unknown): Dictionary {
  const x = readDictionary(a);
  const y = readDictionary(b);
  return { allow: [...new Set([...x.allow, ...y.allow])], replace: { ...x.replace, ...y.replace } };
}

/** Whether `[start, end)` of `text` lies inside an occurrence of one of `words`. */
export function inside(text: string, start: number, end: number, words: readonly string[]): boolean {
  for (const w of words) {
    if (!w || w.length < end - start) continue;
    const from = Math.max(0, end - w.length);
    for (let k = text.indexOf(w, from); k >= 0 && k <= start; k = text.indexOf(w, k + 1)) if (k + w.length >= end) return true;
  }
  return false;
}

/** Whether the finding at `[start, end)` is allowed by the dictionary. */
export function allowed(dictionary: Dictionary, text: string, start: number, end: number): boolean {
  return dictionary.allow.length > 0 && inside(text, start, end, dictionary.allow);
}
