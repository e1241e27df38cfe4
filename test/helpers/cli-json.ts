/** The `--format json` output: `{"tool": {"name": "ogi-report", "version"}, "files": [entries]}`. */
import assert from 'node:assert/strict';

/** The output's file entries, after checking that it names its tool. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function jsonFiles<T = any>(out: string): T[] {
  const j = JSON.parse(out) as { tool?: { name?: string; version?: string }; files?: T[] };
  assert.equal(j.tool?.name, 'ogi-report', 'the JSON output names its tool');
  assert.ok(Array.isArray(j.files), 'the JSON output lists its files');
  return j.files!;
}
