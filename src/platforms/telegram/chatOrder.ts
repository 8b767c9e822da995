import type { Context, MiddlewareFn } from "grammy";

/**
 * Updates with the same key (a chat) run one after another, in arrival order; different keys run
 * at once. The same contract as @grammyjs/runner's `sequentialize` for a single key, without its
 * per-update arrays, Promise.all and closures (it supports several keys an update, which we never
 * use): an update whose chat has nothing in flight runs at once, and the chat's entry is gone
 * when its last update settles, so the map holds only busy chats. A failed update does not stop
 * the next one of its chat; its error still reaches the caller (the error boundary, bot.catch).
 */
export function chatOrder<C extends Context>(keyOf: (ctx: C) => string | undefined): MiddlewareFn<C> {
  const tails = new Map<string, Promise<void>>();
  return (ctx, next) => {
    const key = keyOf(ctx);
    if (key === undefined) return next();
    const before = tails.get(key);
    const task = before ? before.then(next, next) : next();
    tails.set(key, task);
    const release = () => {
      if (tails.get(key) === task) tails.delete(key);
    };
    task.then(release, release);
    return task;
  };
}
