/**
 * `--fix` changes no byte outside the fixed spans (issue 18, item 3), checked on generated files: lines
 * of ASCII, Chinese, and bytes that do not round-trip through the decoder (GB18030 A3 A0, a stray 0x80,
 * a lone UTF-16 surrogate, a UTF-8 BOM before GBK text), with random spans of their text replaced.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextEncoding, decodeText, encodeText, isSourceError } from '../../server/src/sources';
import { spliceFix } from '../../server/src/cli/fix-bytes';
import { planFix } from '../../server/src/cli/fix-edits';
import { fixAll } from '../../server/src/service/analyze';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const CJK = '年度报告政府信息公开申请总计办理结果';

type Piece = { kind: 'text'; s: string } | { kind: 'raw'; b: number[] };

const pieces = (encoding: TextEncoding) => {
  const raw: number[][] = encoding === 'gb18030' ? [[0xa3, 0xa0], [0x80]] : encoding === 'utf-16le' ? [[0x00, 0xd8], [0x00, 0xdc]] : [];
  const text = fc.array(fc.constantFrom(...'abc 123\t，。', ...CJK), { minLength: 0, maxLength: 8 }).map((cs): Piece => ({ kind: 'text', s: cs.join('') }));
  return raw.length ? fc.oneof({ arbitrary: text, weight: 4 }, { arbitrary: fc.constantFrom(...raw).map((b): Piece => ({ kind: 'raw', b })), weight: 1 })
    : text;
};

const fileOf = (encoding: TextEncoding, bom: boolean) => fc.array(fc.array(pieces(encoding), { maxLength: 6 }), { minLength: 1, maxLength: 12 }).map((lines) => {
  const parts: Buffer[] = [];
  if (encoding === 'utf-16le') parts.push(Buffer.from([0xff, 0xfe]));
  else if (bom) parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
  lines.forEach((line, k) => {
    if (k) parts.push(encodeText('\n', encoding, false));
    for (const p of line) parts.push(p.kind === 'text' ? encodeText(p.s, encoding, false) : Buffer.from(p.b));
  });
  return Buffer.concat(parts);
});

describe('--fix splices only the fixed spans into the bytes as read', () => {
  for (const [encoding, bom] of [['gb18030', true], ['gb18030', false], ['utf-16le', true], ['utf-8', false]] as [TextEncoding, boolean][]) {
    it(`${encoding}${bom ? ' after a UTF-8 BOM' : ''}: no byte outside a replaced span changes`, () => {
      let written = 0;
      let runs = 0;
      fc.assert(fc.property(fileOf(encoding, bom), fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.constantFrom('', '0', '121', '一二', '，')), { minLength: 1, maxLength: 4 }), (bytes, picks) => {
        const d = decodeText(bytes);
        if (isSourceError(d) || d.encoding !== encoding) return;
        runs++;
        const text = d.text;
        // Non-overlapping, non-touching spans of the text, each replaced.
        const hunks: { start: number; end: number; text: string }[] = [];
        for (const [at, len, by] of picks.map(([a, l, b]) => [text.length ? a % (text.length + 1) : 0, l, b] as const).sort((x, y) => x[0] - y[0])) {
          const start = at;
          const end = Math.min(text.length, start + len);
          if (hunks.length && start <= hunks[hunks.length - 1].end) continue;
          if (text.slice(start, end) === by) continue;
          hunks.push({ start, end, text: by });
        }
        const r = spliceFix(bytes, text, encoding, hunks);
        if ('refused' in r) return;
        written++;
        // The bytes between the replaced spans are the original bytes, in order.
        let pos = 0;
        let out = 0;
        r.spans.forEach((span, k) => {
          assert.ok(r.bytes.subarray(out, out + span.start - pos).equals(bytes.subarray(pos, span.start)), 'bytes before a span unchanged');
          out += span.start - pos;
          const enc = encodeText(hunks[k].text, encoding, false);
          assert.ok(r.bytes.subarray(out, out + enc.length).equals(enc));
          out += enc.length;
          // The span is exactly the bytes of the text replaced.
          assert.equal(new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(span.start, span.end)), text.slice(hunks[k].start, hunks[k].end));
          pos = span.end;
        });
        assert.ok(r.bytes.subarray(out).equals(bytes.subarray(pos)), 'bytes after the last span unchanged');
      }), { numRuns: 300, seed: 18 });
      assert.ok(written > runs / 2, `most edits are written, not refused (${written} of ${runs})`);
    });
  }

  it('planFix gives the same text as fixAll and hunks that rebuild it', () => {
    const file = join(process.cwd(), 'test', 'fixtures', 'reports', '002_1a82f41e62f68c0a.txt');
    const text = readFileSync(file, 'utf8');
    const plan = planFix(text, {});
    assert.equal(plan.text, fixAll(text, {}).text);
    let out = '';
    let pos = 0;
    for (const h of plan.hunks) { out += text.slice(pos, h.start) + h.text; pos = h.end; }
    assert.equal(out + text.slice(pos), plan.text);
    assert.ok(plan.hunks.length > 1, 'one hunk per fixed place, not one span over the file');
    assert.equal(plan.changes.length, 6);
  });
});
