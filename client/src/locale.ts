/**
 * The language of messages, lens titles and notifications in the client: `ogiReport.locale`, with
 * `auto` resolved by the one rule the server uses too (base/msg.ts, re-exported by resolve-locale.ts).
 * Strings are `Msg`s shown with `text(m, uiLocale())`.
 */
import * as vscode from 'vscode';
import { Locale, resolveLocale } from './resolve-locale';

export type { Locale };
export { resolveLocale };
export { join, msg, text } from '../../server/src/base/msg';
export type { Msg } from '../../server/src/base/msg';

export function uiLocale(): Locale {
  return resolveLocale(vscode.workspace.getConfiguration('ogiReport').get<string>('locale', 'auto'), vscode.env.language);
}
