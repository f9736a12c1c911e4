#!/usr/bin/env node
// Thin launcher: the CLI is compiled by `npm install` (prepare → build:cli) into dist/.
require('../dist/src/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`budget: 内部错误：${err && err.message ? err.message : err}\n`); process.exitCode = 2; },
);
