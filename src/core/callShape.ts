import { articleKey, type ContentLibrary } from "../content/loader.js";
import { echoable, MAX_ECHO_CHARS } from "./echo.js";
import type { CommandCall, Reply } from "./reply.js";

/** Longer messages are refused politely rather than analysed (a pasted essay is not a question). */
export const MAX_QUESTION_CHARS = 1000;

/**
 * A call as commands may see it. Arguments are the user's text, and the only
 * user text a reply repeats ("no reaction from X"): together they share the
 * free-text length limit, and each is made safe to repeat once, here, for
 * every platform (no bidi overrides or other invisible characters, at most
 * MAX_ECHO_CHARS).
 */
export function safeCall(call: CommandCall): CommandCall | "too long" {
  return isPlain(call) ? call : madeSafe(call);
}

/** Printable ASCII only: nothing `echoable` would strip. */
const PRINTABLE = /^[\x20-\x7e]*$/;

/** Arguments already safe to repeat (short printable text, nearly every call): the call serves as it is. */
function isPlain(call: CommandCall): boolean {
  let total = 0;
  for (const name in call.args) {
    const value = call.args[name];
    if (value === undefined) continue;
    total += value.length;
    if (value.length > MAX_ECHO_CHARS || !PRINTABLE.test(value)) return false;
  }
  return total <= MAX_QUESTION_CHARS;
}

function madeSafe(call: CommandCall): CommandCall | "too long" {
  let total = 0;
  const args: Record<string, string | undefined> = {};
  for (const name in call.args) {
    const value = call.args[name];
    total += value?.length ?? 0;
    args[name] = value === undefined ? undefined : echoable(value);
  }
  return total > MAX_QUESTION_CHARS ? "too long" : { ...call, args };
}

/**
 * Buttons under an answer about an older article must stay on that article:
 * their calls name it (by short key), since a call without one means the newest.
 */
export function pinArticle(reply: Reply, library: ContentLibrary): Reply {
  if (!reply.articleId || reply.articleId === library.newest().id) return reply;
  const key = articleKey(reply.articleId);
  return {
    ...reply,
    followUps: reply.followUps.map((f) => (f.call.args.article ? f : { ...f, call: { ...f.call, args: { ...f.call.args, article: key } } })),
  };
}
