// Preload (node -r scripts/peak-rss.js …): on exit, writes this process's peak resident memory
// (KB) and CPU time (ms, user + system) as JSON to the file named by PEAK_RSS_FILE. Tests and
// benchmarks use it to measure whole runs.
const { writeFileSync } = require('fs');
const file = process.env.PEAK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ rssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
