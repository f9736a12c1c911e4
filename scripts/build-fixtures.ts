/**
 * Entry: rebuilds the .xlsx test fixtures from seed 000 (the work is in scripts/fixtures/build.ts).
 *
 *   npm run fixtures                       (builds, then runs scripts/build-fixtures.js → this file compiled)
 *   node dist/scripts/build-fixtures.js
 */
import { main } from './fixtures/build';

export { main };

if (require.main === module) void main();
