import fs from 'node:fs';

/** Small helpers for benchmarks: timings in milliseconds, figures printed as `name value unit`. */
export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

export const median = (values: number[]) => percentile(values, 0.5);

export function timeMs(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function timeMsAsync(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function printFigure(name: string, value: number, unit: string, digits = 3): void {
  process.stdout.write(`${name} ${Number.isFinite(value) ? Number(value.toFixed(digits)) : value} ${unit}\n`);
}

/**
 * CPU time of this process's main thread so far, in ms (Linux: /proc; elsewhere NaN). Node 20
 * has no per-thread figure of its own; process.cpuUsage() also counts the worker threads and
 * V8's helpers, while the main thread's time bounds how soon an import can end.
 */
export function mainThreadCpuMs(): number {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // After the command's name (in parentheses): state is field 3, utime and stime fields 14 and 15, in clock ticks (100 a second on Linux).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
