/**
 * The workspace index re-reads a report's body and year after every keystroke in the editor; typing in
 * the body keeps the identity read from the opening, and a change to the opening (the title's year, the
 * body's name) is seen at once: last year's report is looked up by them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createIndex, indexFile } from '../../server/src/workspace';

const SEED = readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'corpus', 'hongze_2024.txt'), 'utf8');

describe('a report\'s identity while it is edited', () => {
  it('keeps the body and year through edits of the body, and follows edits of the title', () => {
    const index = createIndex();
    indexFile(index, '/r/a.txt', SEED);
    const first = index.reports.get('/r/a.txt')!;
    assert.equal(first.year, 2024);
    assert.ok(first.agency);
    const body = SEED.lastIndexOf('。');
    indexFile(index, '/r/a.txt', SEED.slice(0, body) + '另有说明' + SEED.slice(body));
    assert.deepEqual([index.reports.get('/r/a.txt')!.agency, index.reports.get('/r/a.txt')!.year], [first.agency, 2024]);
    const year = SEED.indexOf('2024');
    assert.ok(year >= 0 && year < 400, 'the year is in the opening');
    indexFile(index, '/r/a.txt', SEED.slice(0, year) + '2023' + SEED.slice(year + 4));
    assert.equal(index.reports.get('/r/a.txt')!.year, 2023);
    indexFile(index, '/r/a.txt', SEED);
    assert.equal(index.reports.get('/r/a.txt')!.year, 2024);
  });
});
