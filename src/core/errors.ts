import type { Localized } from "./lang.js";

/**
 * A mistake the user can fix (a bad time, a missing permission): shown to them
 * politely, in their language, and not logged as a failure. Anything else
 * thrown from a command is a bug: logged with context, answered with an apology.
 */
export class UserError extends Error {
  constructor(
    /** Stable identifier, for tests and logs ("digest.bad_time"). */
    readonly identifier: string,
    readonly userMessage: Localized,
  ) {
    super(`${identifier}: ${userMessage.en}`);
    this.name = "UserError";
  }
}
