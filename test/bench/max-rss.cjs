// Preloaded by the bench (NODE_OPTIONS=--require): writes the process's peak RSS in KB, all threads included.
// On Linux the peak is VmHWM of /proc/self/status: getrusage's maxRSS survives fork and exec, so a CLI started
// by a bench process that holds a large output would report the bench's own peak.
if (process.env.OGI_BENCH_RSS && require('node:worker_threads').isMainThread) {
  process.on('exit', () => {
    const fs = require('node:fs');
    let kb = process.resourceUsage().maxRSS;
    try {
      const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
      if (m) kb = Number(m[1]);
    } catch { /* not Linux */ }
    fs.writeFileSync(process.env.OGI_BENCH_RSS, String(kb));
  });
}
