/**
 * Per-update timing for the platform sections. The figure is CPU time
 * (process.cpuUsage: this process's user + system time, GC threads
 * included) per update over whole rounds, not wall time: the machine's two
 * cores are shared with other work, and wall time would measure the queue
 * for a core rather than the bot. Best of N alternating runs of kabar and
 * its bare baseline, for the same reason.
 */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

export async function microsPerUpdate<T>(items: T[], rounds: number, fn: (item: T) => Promise<unknown>, beforeRound?: () => void): Promise<number> {
  let spent = 0;
  for (let r = 0; r < rounds; r++) {
    beforeRound?.();
    const t0 = cpuMicros();
    for (const item of items) await fn(item);
    spent += cpuMicros() - t0;
  }
  return spent / (items.length * rounds);
}

/** The lowest µs of `trials` alternating runs of each: the run least disturbed by other processes. */
export async function bestOf(trials: number, ours: () => Promise<number>, bare: () => Promise<number>): Promise<{ ours: number; bare: number }> {
  let best = { ours: Infinity, bare: Infinity };
  for (let i = 0; i < trials; i++) {
    best = { ours: Math.min(best.ours, await ours()), bare: Math.min(best.bare, await bare()) };
  }
  return best;
}
