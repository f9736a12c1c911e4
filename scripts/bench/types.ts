/** One line of the `npm run bench` table. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

/** Median wall time in ms of `runs` calls (after one warm-up). */
export async function medianMs(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** A full garbage collection, so that heap figures count live objects only. */
export function forcedGc(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const v8 = require('v8') as typeof import('v8');
  v8.setFlagsFromString('--expose-gc');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const gc = (require('vm') as typeof import('vm')).runInNewContext('gc') as () => void;
  gc();
}

/** Heap in use after a forced GC, MB. */
export function liveHeapMb(): number {
  forcedGc();
  return process.memoryUsage().heapUsed / 1048576;
}
