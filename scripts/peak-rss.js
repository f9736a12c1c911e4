// Preload (node -r scripts/peak-rss.js …): on exit, writes this process's peak resident memory
// in KB to the file named by PEAK_RSS_FILE. Tests and benchmarks use it to measure whole runs.
const { writeFileSync } = require('fs');
const file = process.env.PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
