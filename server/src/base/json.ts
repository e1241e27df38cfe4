/** JSON files a user writes (configuration, review ledger, baseline, region manifest): a BOM is allowed. */
import { Msg, msg } from './msg';

/** The parsed value, or the one problem that says why the text is not JSON. Never throws. */
export function parseJsonText(text: string): { value: unknown } | { problem: Msg } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (err) {
    const why = (err as Error).message;
    return { problem: msg(`不是有效的 JSON：${why}`, `not valid JSON: ${why}`) };
  }
}
