/**
 * 「对比上年报告」 (`ogiReport/copiedPassages`) on run-on text: a crawler's page puts the whole body on
 * one line, which the model cuts into pieces. The section lines the compare view opens last year's
 * report at, and the passages it marks, are lines and ranges of the documents as the user has them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/service/analyze';
import { createIndex, indexFile, previousReport } from '../../server/src/workspace';
import { copiedPassages } from '../../server/src/lsp/compare';
import { readFixture } from './helpers';

const NOW = readFixture('layouts', 'run-on-glued.txt');
/** Last year's page of the same body: the same text a year earlier (so most of it is copied). */
const THEN = NOW.replace(/2024/g, '2023x').replace(/2023(?!x)/g, '2022').replace(/2023x/g, '2023');
const DIR = '/reports/清河镇';
const PATH_NOW = `${DIR}/2023.txt`;
const PATH_THEN = `${DIR}/2022.txt`;

function compare(now: string, then: string | null) {
  const index = createIndex();
  indexFile(index, PATH_NOW, now);
  if (then !== null) indexFile(index, PATH_THEN, then);
  const workspace = { index, path: PATH_NOW };
  const a = analyze(now, { workspace });
  const doc = TextDocument.create(`file://${PATH_NOW}`, 'ogi-report', 1, now);
  return copiedPassages(doc, a, previousReport(workspace, a.report));
}

const line = (text: string, n: number) => text.split('\n')[n] ?? '';
const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议', '五、存在的主要问题', '六、其他需要报告的事项'];

describe('compare with last year on a run-on page (the body on one line)', () => {
  const r = compare(NOW, THEN);

  it('finds last year\'s page', () => {
    assert.equal(r.previous?.year, 2022);
    assert.equal(r.previous?.uri.endsWith('2022.txt'), true);
  });

  it('each section\'s line here and there is a line of the document that holds its heading', () => {
    assert.equal(r.sections.length, 6);
    const lines = NOW.split('\n').length;
    for (const s of r.sections) {
      assert.ok(s.line < lines, `section ${s.index}: line ${s.line} is in the document (${lines} lines)`);
      assert.ok(line(NOW, s.line).includes(HEADINGS[s.index - 1]), `section ${s.index} is on line ${s.line + 1}`);
      assert.notEqual(s.previousLine, null);
      assert.ok(line(THEN, s.previousLine!).includes(HEADINGS[s.index - 1]), `last year's section ${s.index} is on line ${s.previousLine! + 1}`);
    }
  });

  it('on the run-on line, each heading\'s character tells the sections apart, here and there', () => {
    const shared = new Set(r.sections.map((s) => s.line));
    assert.ok(shared.size < r.sections.length, 'several headings share a line (run-on text)');
    for (const s of r.sections) {
      assert.ok(line(NOW, s.line).slice(s.character).startsWith(HEADINGS[s.index - 1]), `section ${s.index} at ${s.line + 1}:${s.character! + 1}`);
      assert.ok(line(THEN, s.previousLine!).slice(s.previousCharacter!).startsWith(HEADINGS[s.index - 1]), `last year's section ${s.index}`);
    }
  });

  it('the passages mark the same text in both documents', () => {
    assert.ok(r.passages.length > 0);
    const now = TextDocument.create('file:///now', 'ogi-report', 1, NOW);
    const then = TextDocument.create('file:///then', 'ogi-report', 1, THEN);
    for (const p of r.passages.slice(0, 20)) {
      const a = now.getText(p.range);
      const b = then.getText(p.previousRange);
      assert.ok(a.length > 0 && b.length > 0);
      assert.equal(a.replace(/\d{4}/g, 'Y'), b.replace(/\d{4}/g, 'Y'));
    }
  });

  it('without last year\'s report, the sections still carry the document\'s lines', () => {
    const alone = compare(NOW, null);
    assert.equal(alone.previous, null);
    for (const s of alone.sections) assert.ok(line(NOW, s.line).includes(HEADINGS[s.index - 1]), `section ${s.index}`);
  });
});
