/** Bursts of concurrent requests and their latency figures, for bench:server. */

export const CONCURRENCY = 200;
export const ROUNDS = 10;

export interface Sample {
  latencies: number[];
  wallMs: number;
  errors: number;
  /** The first failure's message, to say what went wrong. */
  firstError?: string;
  /** What `Options.cpu` counted during the burst (CPU ms of each process, ...), when asked. */
  cpu?: number[];
}

export interface Options {
  /**
   * 0: the CONCURRENCY requests of a burst start at once. Otherwise they start one after the
   * other, evenly over this many ms (a paced load).
   */
  spreadMs?: number;
  /** Counters read before and after each measured burst (e.g. CPU ms used so far per process). */
  cpu?: () => Promise<number[]>;
}

export interface Summary {
  p50: number;
  p99: number;
  throughput: number;
  errors: number;
  firstError?: string;
}

/** CONCURRENCY calls of `one` at once; each resolves to whether the request succeeded. */
async function burst(one: () => Promise<boolean>, spreadMs = 0): Promise<Sample> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, i) => {
      const at = start + (i * spreadMs) / CONCURRENCY;
      if (at > performance.now()) await new Promise((resolve) => setTimeout(resolve, at - performance.now()));
      const t0 = performance.now();
      const ok = await one().catch((error: unknown) => {
        firstError ??= error instanceof Error ? error.message : String(error);
        return false;
      });
      if (!ok) firstError ??= "not the expected answer";
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }),
  );
  return { latencies, wallMs: performance.now() - start, errors, ...(firstError ? { firstError } : {}) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((x, y) => x - y),
    50,
  );
}

export function summary(samples: Sample[]): Summary {
  const all = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const wall = samples.reduce((sum, s) => sum + s.wallMs, 0);
  return {
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    throughput: (all.length / wall) * 1000,
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    ...(samples.find((s) => s.firstError)
      ? { firstError: samples.find((s) => s.firstError)?.firstError }
      : {}),
  };
}

/**
 * Bursts of each load, two warm-up rounds then ROUNDS measured ones, in the order `order(round)`
 * gives (vary it, so no load always runs on a warmer or a busier machine). Samples by load name.
 */
export async function rounds<N extends string>(
  loads: Record<N, () => Promise<boolean>>,
  order: (round: number) => N[],
  options: Options = {},
): Promise<Record<N, Sample[]>> {
  const { spreadMs = 0, cpu } = options;
  const names = Object.keys(loads) as N[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as Sample[]])) as Record<N, Sample[]>;
  for (let i = 0; i < 2; i++) for (const name of names) await burst(loads[name], spreadMs);
  for (let round = 0; round < ROUNDS; round++)
    for (const name of order(round)) {
      const before = await cpu?.();
      const sample = await burst(loads[name], spreadMs);
      const after = await cpu?.();
      if (before && after) sample.cpu = after.map((value, i) => value - (before[i] ?? 0));
      samples[name].push(sample);
    }
  return samples;
}

/** Sum of each counter over the samples (CPU ms per process over the measured bursts). */
export function cpuTotals(samples: Sample[]): number[] {
  const totals: number[] = [];
  for (const sample of samples)
    for (const [i, value] of (sample.cpu ?? []).entries()) totals[i] = (totals[i] ?? 0) + value;
  return totals;
}
