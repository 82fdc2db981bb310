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
