/**
 * File names as the terminal shows them: a name may hold control characters (`ctl\x01\x1b[2J.txt`
 * would clear the screen, `a\nb.txt` would forge a finding line of its own), so text output and
 * stderr show them escaped. Structured formats (JSON, SARIF, JUnit, HTML) escape by their own rules.
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

export function shownName(file: string): string {
  if (!CONTROL.test(file)) return file;
  return file.replace(CONTROLS, (c) => {
    const n = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}
