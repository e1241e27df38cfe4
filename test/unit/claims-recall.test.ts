/**
 * Typing in the editor re-analyses the report, and the claims of the paragraphs the edit did not touch are
 * reused from the analysis before (server/src/model/claims/recall.ts). Whatever the edit, the findings and
 * the claims must be exactly those of a check made afresh: same figures, same places.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { parseReport } from '../../server/src/model/report';
import { readClaims, readDatedClaims } from '../../server/src/model/claims';
import { forgetReadings } from '../../server/src/model/claims/recall';

const CORPUS = join(__dirname, '..', '..', 'test', 'fixtures', 'corpus');
const SEEDS = join(__dirname, '..', '..', 'test', 'fixtures', 'reports');
const files = [
  ...readdirSync(CORPUS).filter((f) => /\.(txt|md)$/.test(f) && !/\.(golden|model)\.txt$/.test(f)).map((f) => join(CORPUS, f)),
  ...readdirSync(SEEDS).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f)).map((f) => join(SEEDS, f)),
];

/** Edits a writer makes: a line added at the top, a figure typed, a character deleted, the year changed. */
function edits(text: string): { name: string; text: string }[] {
  const out = [{ name: 'a blank line at the top', text: '\n' + text }];
  const fig = text.search(/\d+\s*件/);
  if (fig > 0) {
    out.push({ name: 'a digit typed into the first count', text: text.slice(0, fig) + '1' + text.slice(fig) });
    out.push({ name: 'the character before the first count deleted', text: text.slice(0, fig - 1) + text.slice(fig) });
  }
  const mid = text.indexOf('。', Math.floor(text.length / 2));
  if (mid > 0) out.push({ name: 'a sentence ended early in the middle', text: text.slice(0, mid) + '。另' + text.slice(mid) });
  const year = text.match(/20\d\d(?=年)/);
  if (year) out.push({ name: 'the first year changed', text: text.replace(year[0], String(Number(year[0]) + 1)) });
  return out;
}

const view = (text: string) => analyze(text).diagnostics.map((d) => `${d.code} ${d.start}-${d.end} ${d.severity} ${d.message.zh}`);
const claims = (text: string) => { const r = parseReport(text); return JSON.stringify([readClaims(r), readDatedClaims(r)]); };

describe('claims reused between analyses', () => {
  assert.ok(files.length >= 13, `real reports to edit (found ${files.length})`);
  for (const file of files) {
    it(`${file.split('/').pop()}: every edit gives the findings and claims of a fresh check`, () => {
      const original = readFileSync(file, 'utf8');
      for (const e of edits(original)) {
        forgetReadings();
        view(original); // the analysis before the edit: its paragraphs' readings are kept
        const reused = { findings: view(e.text), claims: claims(e.text) };
        forgetReadings();
        const fresh = { findings: view(e.text), claims: claims(e.text) };
        assert.deepEqual(reused, fresh, e.name);
      }
    });
  }
});
