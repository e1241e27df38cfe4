/**
 * Base: the one bilingual message type and the one locale rule, used by every layer of the server and by
 * the client. A message is data in both languages; a front end picks the language when it shows it.
 * Chinese is the default everywhere. Imports nothing, so any module may import it.
 */

export type Locale = 'zh-cn' | 'en';

/** A message in both languages; Chinese is the default. */
export interface Msg {
  zh: string;
  en: string;
}

export function msg(zh: string, en: string): Msg {
  return { zh, en };
}

/** The text of `m` in `locale`. */
export function text(m: Msg, locale: Locale): string {
  return locale === 'en' ? m.en : m.zh;
}

/** Joins messages (or plain strings, the same in both languages) with a separator per language. */
export function join(parts: readonly (Msg | string)[], sep: Msg | string = ''): Msg {
  const s = typeof sep === 'string' ? { zh: sep, en: sep } : sep;
  return {
    zh: parts.map((p) => (typeof p === 'string' ? p : p.zh)).join(s.zh),
    en: parts.map((p) => (typeof p === 'string' ? p : p.en)).join(s.en),
  };
}

/**
 * The `locale` setting as the user wrote it → the language of messages. `en` and `zh-cn` are explicit;
 * `auto` (or nothing) follows the display language only when it is neither Chinese nor English: VS Code's
 * display language is English out of the box, so English says nothing about the user.
 */
export function resolveLocale(setting: string | undefined, displayLanguage = ''): Locale {
  if (setting === 'en') return 'en';
  if (setting === 'zh-cn') return 'zh-cn';
  const lang = displayLanguage.toLowerCase();
  if (lang === '' || lang.startsWith('zh') || lang.startsWith('en')) return 'zh-cn';
  return 'en';
}
