// Lists every prose statement the claims model understood in the given reports, with its verdict
// against the tables: `node scripts/list-claims.mjs ../shared/corpus/*.txt`. Used for the closing note
// of the content rules (every understood number, reported or not).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const entry = `
import { parseReport } from './server/src/model/report';
import { checkClaims, renderReading } from './server/src/model/claim-check';
export function list(text) {
  return checkClaims(parseReport(text)).map((c) => {
    const cl = c.claim;
    const what = cl.kind === 'count' ? cl.quantity + (cl.part ? '.' + cl.part : '') + '=' + cl.value
      : cl.kind === 'percent' ? 'percent=' + cl.value + '% of ' + cl.count.value
      : cl.kind === 'fee' ? 'fee.' + cl.fee + '=' + cl.value + (cl.unit ?? '')
      : cl.kind === 'none' ? 'none.' + cl.quantity : cl.kind === 'all-upheld' || cl.kind === 'all-closed' ? cl.kind + '(' + cl.topics.join('+') + ')' : cl.kind;
    const vs = 'readings' in c ? c.readings.map((r) => renderReading(r)).join(' | ')
      : 'bases' in c ? c.bases.map((b) => b.label.zh + ' = ' + b.value).join(' | ')
      : 'against' in c ? c.against.map((t) => t.label.zh + ' = ' + t.value).join(', ')
      : c.evidence.map((e) => e.label.zh + ' = ' + e.value).join(', ');
    return { verdict: c.verdict, what, phrase: cl.phrase, vs };
  });
}`;
const out = await esbuild.build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
const { list } = await import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'));
for (const file of process.argv.slice(2)) {
  const rows = list(readFileSync(file, 'utf8'));
  console.log(`## ${basename(file)}: ${rows.length} understood (${rows.filter((r) => r.verdict === 'match').length} agree, ${rows.filter((r) => r.verdict === 'mismatch').length} reported, ${rows.filter((r) => r.verdict === 'unknown').length} not comparable)`);
  for (const r of rows) console.log(`- ${r.verdict} ${r.what} «${r.phrase}»${r.vs ? ' vs ' + r.vs : ''}`);
}
