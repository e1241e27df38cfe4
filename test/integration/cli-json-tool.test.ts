/** `ogi-report check --format json` names its tool and the package's version; a second run may replace its own output. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../unit/helpers';
import { SEED002, runCli, scratch } from '../unit/cli-helpers';

describe('--format json: the tool', () => {
  it('is ogi-report at the version of package.json, on stdout and in an --output file that a second run replaces', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    const r = runCli(['check', '--format', 'json', SEED002]);
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(JSON.parse(r.out).tool, { name: 'ogi-report', version });
    const out = join(scratch(), 'out.json');
    assert.equal(runCli(['check', '--format', 'json', '--output', out, SEED002]).code, 1);
    const again = runCli(['check', '--format', 'json', '--output', out, SEED002]);
    assert.equal(again.code, 1, again.err);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(j.tool, { name: 'ogi-report', version });
    assert.equal(j.files[0].file, SEED002);
  });
});
