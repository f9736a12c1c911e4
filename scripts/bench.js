#!/usr/bin/env node
// `npm run bench`: runs every compiled scripts/bench/*.js module that exports run() and prints one table.
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, '..', 'dist', 'scripts', 'bench');

(async () => {
  const rows = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
    const mod = require(path.join(dir, file));
    if (typeof mod.run !== 'function') continue;
    for (const r of await mod.run()) rows.push({ suite: file.replace(/\.js$/, ''), ...r });
  }
  const cells = rows.map((r) => [r.suite, r.name, `${r.value.toFixed(r.value < 10 ? 2 : 0)} ${r.unit}`, r.target || '']);
  const head = ['suite', 'benchmark', 'result', 'target'];
  const width = (s) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cols = head.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]))));
  const pad = (s, n) => s + ' '.repeat(n - width(s));
  const line = (c) => '| ' + c.map((s, i) => pad(s, cols[i])).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + cols.map((n) => '-'.repeat(n + 2)).join('|') + '|');
  for (const c of cells) console.log(line(c));
})().catch((e) => {
  console.error(`bench: ${e && e.stack ? e.stack : e}`);
  process.exitCode = 1;
});
