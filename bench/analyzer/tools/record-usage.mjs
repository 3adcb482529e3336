// Preloaded into every benchmarked child (`node --import`): on exit, writes the process's own
// peak memory and CPU time to $BENCH_USAGE_FILE, so each tool is measured the same way without
// /usr/bin/time. Plain JS so that it loads before (and without) tsx.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        maxRssBytes: usage.maxRSS * 1024,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      }),
    );
  });
}
