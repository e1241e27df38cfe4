/**
 * The language of messages, lens titles and notifications in the client (see resolve-locale.ts for the
 * rule behind `ogiReport.locale: auto`).
 */
import * as vscode from 'vscode';
import { Locale, resolveLocale } from './resolve-locale';

export type { Locale };
export { resolveLocale };

export function uiLocale(): Locale {
  return resolveLocale(vscode.workspace.getConfiguration('ogiReport').get<string>('locale', 'auto'), vscode.env.language);
}

/** `t('已重新计算', 'Recomputed')`: the string for the current locale. */
export function t(zh: string, en: string): string {
  return uiLocale() === 'en' ? en : zh;
}
