/**
 * A value now, or a promise of it: what the core's steps return, so that a request whose every step
 * has its answer at hand (a cached understanding, a cached reply, a chat's language in memory: most
 * of them) passes without a promise and an await per step. Callers await it as they would a promise.
 */
export type Maybe<T> = T | Promise<T>;

/** `next(value)`, at once when the value is there, else when it arrives. */
export function andThen<T, U>(value: Maybe<T>, next: (value: T) => Maybe<U>): Maybe<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
