/**
 * Work with the same key (a chat) runs one after another, in arrival order; different keys run at
 * once. The contract of @grammyjs/runner's `sequentialize` for a single key, without its per-update
 * arrays, Promise.all and middleware layer (it supports several keys an update, which we never
 * use): work whose chat has nothing in flight starts at once, and the chat's entry is gone when
 * its last work settles, so the map holds only busy chats. A failure does not stop the next work
 * of its chat; it still reaches the caller.
 */
export type ChatQueue = (key: string | undefined, run: () => Promise<void>) => Promise<void>;

export function chatQueue(): ChatQueue {
  const tails = new Map<string, Promise<void>>();
  return (key, run) => {
    if (key === undefined) return run();
    const before = tails.get(key);
    const task = before ? before.then(run, run) : run();
    tails.set(key, task);
    const release = () => {
      if (tails.get(key) === task) tails.delete(key);
    };
    task.then(release, release);
    return task;
  };
}
