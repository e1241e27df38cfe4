/**
 * The user dictionary of the proofreading rules: the configuration file's top-level `dictionary` reaches
 * serious-wording and look-alike through effectiveOptions (both front ends use it); `allow` silences a
 * word, `replace` adds a pair with a safe fix; a bad dictionary is a problem, not a failure; inline
 * suppression keeps working.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { effectiveOptions, parseConfig } from '../../server/src/service/config';
import { readFixture } from './helpers';

const base = readFixture('rules', 'missing-section', 'valid-balanced.txt');
const anchor = '监督保障等方面扎实推进政务公开工作。';
const withSentence = (s: string) => base.replace(anchor, anchor + s);
const proof = (text: string, config?: string) => {
  const options = config ? effectiveOptions({}, parseConfig(config).config) : {};
  return analyze(text, options).diagnostics.filter((d) => d.code === 'look-alike' || d.code === 'serious-wording');
};

describe('user dictionary', () => {
  it('allow: a local name that holds a listed form is not flagged, by either rule', () => {
    const text = withSentence('杜会村和国物院路的群众可到便民服务中心查阅政府信息。');
    assert.deepEqual(proof(text).map((d) => text.slice(d.start, d.end)), ['杜会', '国物院']);
    assert.deepEqual(proof(text, JSON.stringify({ dictionary: { allow: ['杜会村', '国物院路'] } })), []);
    // Only inside the allowed word: the same form elsewhere is still reported.
    const again = withSentence('杜会村群众及时了解杜会动态。');
    const ds = proof(again, JSON.stringify({ dictionary: { allow: ['杜会村'] } }));
    assert.deepEqual(ds.map((d) => again.slice(d.start, d.end)), ['杜会']);
    assert.equal(ds[0].start, again.lastIndexOf('杜会'));
  });

  it('replace: an extra pair is reported with a safe fix to its right form', () => {
    const text = withSentence('全年办理财政全融局转来的申请3件。');
    assert.deepEqual(proof(text), []);
    const ds = proof(text, JSON.stringify({ dictionary: { replace: { 财政全融局: '财政金融局' } } }));
    assert.equal(ds.length, 1);
    assert.equal(ds[0].code, 'look-alike');
    assert.equal(text.slice(ds[0].start, ds[0].end), '财政全融局');
    assert.deepEqual(ds[0].fix?.edits, [{ start: ds[0].start, end: ds[0].end, newText: '财政金融局' }]);
    assert.equal(ds[0].fix?.kind, 'safe');
  });

  it('a bad dictionary is a problem and the valid parts are kept', () => {
    const parsed = parseConfig(JSON.stringify({ dictionary: { allow: ['杜会村', 3], colour: 1 } }));
    assert.ok(!parsed.fatal);
    assert.equal(parsed.problems.length, 2);
    assert.match(parsed.problems[0].zh, /colour/);
    assert.deepEqual(parsed.config.dictionary?.allow, ['杜会村']);
    assert.equal(parseConfig(JSON.stringify({ dictionary: ['x'] })).problems.length, 1);
    assert.deepEqual(parseConfig(JSON.stringify({ dictionary: {} })).problems, []);
  });

  it('a rule\'s own dictionary adds to the top-level one', () => {
    const text = withSentence('杜会村和国物院路的群众可到便民服务中心查阅政府信息。');
    const config = JSON.stringify({ dictionary: { allow: ['杜会村'] }, rules: { 'serious-wording': { dictionary: { allow: ['国物院路'] } } } });
    assert.deepEqual(proof(text, config), []);
  });

  it('inline suppression keeps working beside the dictionary', () => {
    const text = withSentence('各项工作己经按期完成。').replace('\n2023年，清河镇', '\n<!-- ogi-report-disable-next-line look-alike -- 引文原文 -->\n2023年，清河镇');
    assert.equal(proof(withSentence('各项工作己经按期完成。')).length, 1);
    assert.deepEqual(proof(text, JSON.stringify({ dictionary: { allow: ['某某'] } })), []);
  });
});
