/**
 * The rule behind `ogiReport.locale: auto`, free of VS Code so it can be tested on its own. Chinese is
 * the default: VS Code's display language is English both out of the box and when chosen, so English
 * says nothing about the user. Only a display language that is neither English nor Chinese (always a
 * choice: it needs a language pack) gives English; `en` always does.
 */
export type Locale = 'zh-cn' | 'en';

export function resolveLocale(setting: string | undefined, displayLanguage: string): Locale {
  if (setting === 'en') return 'en';
  if (setting === 'zh-cn') return 'zh-cn';
  const lang = displayLanguage.toLowerCase();
  if (lang === '' || lang.startsWith('zh') || lang.startsWith('en')) return 'zh-cn';
  return 'en';
}
