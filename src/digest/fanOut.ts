import type { Clock } from "./clock.js";

/**
 * Runs `work` over `items` with at most `concurrency` in flight. `work`
 * returns a delay to be retried after (rate limited, transient failure) or
 * undefined when the item is finished; a waiting item does not hold a slot,
 * so one slow chat never stops the others. `work` must not throw: a thrown
 * error finishes the item and is handed to `onError`. `stopped` resolving
 * cuts retry waits short (the item runs once more and should give up).
 */
export async function fanOut<T>(options: {
  items: Iterable<T>;
  concurrency: number;
  clock: Clock;
  work: (item: T) => Promise<number | undefined>;
  onError: (item: T, err: unknown) => void;
  stopped?: Promise<void>;
}): Promise<void> {
  const { concurrency, clock, work, onError, stopped } = options;
  const ready: T[] = [...options.items];
  let active = 0;
  let waiting = 0;
  await new Promise<void>((resolve) => {
    const finishIfIdle = () => {
      if (active === 0 && waiting === 0 && ready.length === 0) resolve();
    };
    const retryLater = (item: T, ms: number) => {
      waiting++;
      const wait = stopped ? Promise.race([clock.sleep(ms), stopped]) : clock.sleep(ms);
      void wait.then(() => {
        waiting--;
        ready.push(item);
        pump();
      });
    };
    const pump = () => {
      while (active < concurrency && ready.length > 0) {
        const item = ready.shift()!;
        active++;
        work(item)
          .then(
            (retryIn) => {
              if (retryIn !== undefined) retryLater(item, retryIn);
            },
            (err: unknown) => onError(item, err),
          )
          .finally(() => {
            active--;
            pump();
          });
      }
      finishIfIdle();
    };
    pump();
  });
}
