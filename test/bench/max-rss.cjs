// Preloaded by the bench (NODE_OPTIONS=--require): writes the process's peak RSS in KB, all threads included.
if (process.env.OGI_BENCH_RSS && require('node:worker_threads').isMainThread) {
  process.on('exit', () => require('node:fs').writeFileSync(process.env.OGI_BENCH_RSS, String(process.resourceUsage().maxRSS)));
}
