// Preloaded into the benchmarked process (node -r): writes its peak resident set size, in KiB, where asked.
const { writeFileSync } = require('node:fs');
const target = process.env.PARAPET_BENCH_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
