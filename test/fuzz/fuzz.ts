// npm run fuzz -- --runs N [--seed S]: the property tests at length (default 100,000 cases in all).
import { runAll } from './properties';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const total = arg('--runs', 100_000);
const seed = arg('--seed', 20261122);
const perProperty = Math.max(1, Math.ceil(total / 4));
const started = Date.now();
const results = runAll({ runs: perProperty, seed });
let failed = 0;
for (const r of results) {
  console.log(`${r.failed ? '✖' : '✔'} ${r.name}: ${r.runs} cases`);
  if (r.failed) {
    failed++;
    console.log(r.report);
  }
}
const cases = results.reduce((a, r) => a + r.runs, 0);
console.log(`\n${cases} generated cases, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
