/**
 * The bracketed year of a 发文字号 (`国办公开办函〔2021〕30号`, or in the wrong brackets `[2021]`, `（2021〕`):
 * document-number reports the wrong brackets and fixes them; unbalanced-brackets leaves them to it.
 */
import { DOCUMENT_NUMBER } from '../../model/vocabulary/proofreading';

const { open, close, wrongOpen, wrongClose } = DOCUMENT_NUMBER;
const esc = (s: string) => s.replace(/[\]\[]/g, '\\$&');

/** A 机关代字 (ends in a Chinese character), the year in brackets, the serial number and 号. */
export const NUMBER_RE = new RegExp(`(?<=[\\u4e00-\\u9fff])([${open}${esc(wrongOpen)}])\\s*((?:19|20)\\d{2})\\s*([${close}${esc(wrongClose)}])(?=\\s*\\d{1,5}\\s*号)`, 'gu');

/** The indices in `text` of the brackets around a document number's year. */
export function yearBrackets(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(NUMBER_RE)) out.push(m.index!, m.index! + m[0].length - 1);
  return out;
}
