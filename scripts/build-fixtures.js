#!/usr/bin/env node
// Entry of `npm run fixtures` (after `npm run build:cli`): runs the compiled scripts/build-fixtures.ts.
require('../dist/scripts/build-fixtures.js').main();
