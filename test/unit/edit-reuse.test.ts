/**
 * Typing in the editor re-analyses the report, and what the edit did not touch (paragraphs' claims,
 * tables) is reused from the analysis before. The findings after an edit must be those of a fresh check.
 * (The property over every corpus report, seed and layout, with random edits, is in
 * test/integration/edit-reuse-property.test.ts.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { forgetReadings } from '../../server/src/model/claims/recall';
import { forgetTables } from '../../server/src/model/report/tables/reuse';

const SEED = join(__dirname, '..', '..', 'test', 'fixtures', 'reports', '000_eefba31524fbc4b6.txt');
const forget = () => { forgetReadings(); forgetTables(); };
const state = (text: string) => {
  const a = analyze(text);
  return { findings: a.diagnostics.map((d) => `${d.code} ${d.start}-${d.end} ${d.message.zh}`), tables: JSON.stringify(a.report.tables) };
};

describe('an edit re-checks what it touched', () => {
  it('typing a line at the top, a digit in the prose and a figure in table 三 gives the findings of a fresh check', () => {
    const original = readFileSync(SEED, 'utf8');
    const fig = original.search(/\d+\s*件/);
    const row = original.indexOf('\t', original.indexOf('予以公开'));
    assert.ok(fig > 0 && row > 0);
    const edits = ['\n' + original, original.slice(0, fig) + '1' + original.slice(fig), original.slice(0, row + 1) + '9' + original.slice(row + 1)];
    for (const text of edits) {
      forget();
      state(original);
      const reused = state(text);
      forget();
      assert.deepEqual(reused, state(text));
    }
  });
});
