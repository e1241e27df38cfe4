/** The rule behind `ogiReport.locale: auto` lives in the server's base module, shared by both sides. */
export { resolveLocale } from '../../server/src/base/msg';
export type { Locale } from '../../server/src/base/msg';
