/** serious-wording: every entry of the list is found on its span with its fix, and the official names never are. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { SERIOUS_WORDING } from '../../server/src/rules/serious-wording';
import { readFixture } from './helpers';

const { ENTRIES, OFFICIAL } = SERIOUS_WORDING;
const base = readFixture('rules', 'serious-wording', 'valid-official-names.txt');
const found = (text: string) => analyze(text).diagnostics.filter((d) => d.code === 'serious-wording');

describe('serious-wording', () => {
  it('no wrong form is, or lies inside, an official name; each right form is part of an official name; each entry has a source', () => {
    for (const e of ENTRIES) {
      for (const o of OFFICIAL) assert.ok(!o.name.includes(e.wrong), `${e.wrong} in ${o.name}`);
      assert.ok(OFFICIAL.some((o) => o.name.includes(e.right.replace(/[《》]/g, ''))), e.wrong);
      assert.notEqual(e.wrong, e.right);
      assert.ok(e.source.length > 4 && e.example.includes(e.wrong), e.wrong);
    }
  });

  it('each entry in a sentence of the prose is found on its span with a safe fix to the right text; the right text is not found', () => {
    const at = base.indexOf('。', base.indexOf('一、总体情况')) + 1;
    for (const e of ENTRIES) {
      const sentence = `本机关认真学习${e.wrong}的有关要求。`;
      const text = base.slice(0, at) + sentence + base.slice(at);
      const ds = found(text);
      assert.equal(ds.length, 1, e.wrong);
      assert.deepEqual([ds[0].start, ds[0].end], [at + 7, at + 7 + e.wrong.length]);
      assert.equal(ds[0].fix!.kind, 'safe');
      assert.deepEqual(ds[0].fix!.edits, [{ start: ds[0].start, end: ds[0].end, newText: e.right }]);
      assert.deepEqual(found(base.slice(0, at) + sentence.replace(e.wrong, e.right) + base.slice(at)), [], e.right);
    }
  });

  it('the official names themselves are silent', () => {
    assert.deepEqual(found(OFFICIAL.map((o) => `${o.name}、《${o.name}》`).join('\n')), []);
  });

  it('a word of the user dictionary is never flagged', () => {
    const text = base.replace('一、总体情况\n', '一、总体情况\n\n本机关认真学习国物院的有关要求。\n');
    assert.equal(found(text).length, 1);
    const allowed = analyze(text, { ruleOptions: { 'serious-wording': { dictionary: { allow: ['国物院'] } } } });
    assert.deepEqual(allowed.diagnostics.filter((d) => d.code === 'serious-wording'), []);
  });
});
