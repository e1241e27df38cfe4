/**
 * The language of messages, lens titles and notifications. Reports and their readers are Chinese, so
 * Chinese is the default. `ogiReport.locale: auto` gives English only when the user chose a display
 * language that is neither English nor Chinese: VS Code's display language is English both by default
 * and when chosen, so English there says nothing about the user. `en` always gives English.
 */
import * as vscode from 'vscode';

export type Locale = 'zh-cn' | 'en';

/** The rule, kept free of VS Code so it can be read and tested on its own. */
export function resolveLocale(setting: string | undefined, displayLanguage: string): Locale {
  if (setting === 'en') return 'en';
  if (setting === 'zh-cn') return 'zh-cn';
  const lang = displayLanguage.toLowerCase();
  if (lang.startsWith('zh') || lang.startsWith('en') || lang === '') return 'zh-cn';
  return 'en';
}

export function uiLocale(): Locale {
  return resolveLocale(vscode.workspace.getConfiguration('ogiReport').get<string>('locale', 'auto'), vscode.env.language);
}

/** `t('已重新计算', 'Recomputed')`: the string for the current locale. */
export function t(zh: string, en: string): string {
  return uiLocale() === 'en' ? en : zh;
}
