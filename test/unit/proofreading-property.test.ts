/**
 * The proofreading lists as a property over the real reports: every entry's example sentence, inserted
 * into a prose paragraph of each corpus report (a different paragraph for each entry, so the entries
 * together visit every paragraph), is found on the entry's span with a safe fix to the right form; the
 * same sentence with the right form is never found (the report's own findings stay as they are). Only
 * the two list rules run (the model is the same).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOOK_ALIKE_ENTRIES, SERIOUS_ENTRIES } from '../../server/src/model/vocabulary/proofreading';
import { paragraphs, offsetAt } from '../../server/src/model/segments';
import { RULES } from '../../server/src/rules';
import { analyze } from '../../server/src/service/analyze';
import { corpusReports, readFixture } from './helpers';

const ENTRIES = [
  ...SERIOUS_ENTRIES.map((e) => ({ ...e, code: 'serious-wording' })),
  ...LOOK_ALIKE_ENTRIES.map((e) => ({ ...e, code: 'look-alike' })),
];
const only = Object.fromEntries(RULES.map((r) => [r.id, r.id === 'serious-wording' || r.id === 'look-alike' ? r.defaultSeverity : 'off' as const]));
const found = (text: string, code: string) => analyze(text, { rules: only }).diagnostics.filter((d) => d.code === code);

describe('proofreading lists on the corpus (property)', () => {
  it('every entry has a source and an example holding its wrong form once', () => {
    for (const e of ENTRIES) {
      assert.ok(e.source.length > 4, e.wrong);
      assert.equal(e.example.split(e.wrong).length, 2, e.wrong);
    }
  });

  for (const file of corpusReports()) {
    it(`${file}: each example sentence is found on its span with its fix; the right form is not`, () => {
      const text = readFixture('corpus', file);
      const a = analyze(text, { rules: only });
      // What the report itself has (FACTS.md: pingtan_2024's 仍在不足), counted per rule.
      const before = (code: string) => a.diagnostics.filter((d) => d.code === code).length;
      // Insertion points: right after the first 。 of each prose paragraph.
      const points = paragraphs(a.report).map((p) => p.text.indexOf('。') >= 0 ? offsetAt(p, p.text.indexOf('。')) + 1 : -1).filter((x) => x > 0);
      assert.ok(points.length > 0);
      ENTRIES.forEach((e, i) => {
        const at = points[(i * 7 + file.length) % points.length];
        const wrong = text.slice(0, at) + e.example + text.slice(at);
        const all = found(wrong, e.code);
        assert.equal(all.length, before(e.code) + 1, `${e.wrong} at ${at}`);
        const ds = all.filter((d) => d.start >= at && d.end <= at + e.example.length);
        const start = at + e.example.indexOf(e.wrong);
        assert.equal(ds.length, 1, `${e.wrong} at ${at}`);
        assert.deepEqual([ds[0].start, ds[0].end], [start, start + e.wrong.length], e.wrong);
        assert.equal(ds[0].fix?.kind, 'safe', e.wrong);
        assert.deepEqual(ds[0].fix?.edits, [{ start, end: start + e.wrong.length, newText: e.right }], e.wrong);
        const right = text.slice(0, at) + e.example.replace(e.wrong, e.right) + text.slice(at);
        assert.equal(found(right, e.code).length, before(e.code), e.right);
      });
    });
  }
});
