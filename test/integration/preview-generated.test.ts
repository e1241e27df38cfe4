/** The preview model and the column hints on the fuzzer's generated documents (test/unit/preview.test.ts has the fixed cases). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/service/analyze';
import { previewModel } from '../../server/src/service/preview';
import { columnHints } from '../../server/src/service/inlay';
import { anyDocument } from '../fuzz/properties';

describe('preview and hints on generated documents', () => {
  it('never throw, and every cell they point at is that figure in the text', () => {
    const details = fc.check(fc.property(anyDocument, (text) => {
      const a = analyze(text);
      for (const t of previewModel(a).tables) {
        for (const r of t.rows) {
          if (!('cells' in r) || r.kind === 'header') continue;
          for (const c of r.cells) {
            if (!c.span) continue;
            assert.ok(c.span.start >= 0 && c.span.end <= text.length && c.span.start <= c.span.end);
            // (a cell the parser joined across a line break keeps its text without the break)
            assert.equal(text.slice(c.span.start, c.span.end).replace(/\s+/g, ''), c.text.replace(/\s+/g, ''));
          }
        }
      }
      for (const h of columnHints(a)) assert.ok(h.offset >= 0 && h.offset <= text.length);
    }), { numRuns: 100, seed: 20261129 });
    assert.ok(!details.failed, fc.defaultReportMessage(details) ?? 'failed');
  });
});
