import type { Lang } from "../core/lang.js";
import type { CommandCall, ReplyKind } from "../core/reply.js";

/** What a question asks for: the answer kinds a question can lead to. */
export type Intent = Exclude<ReplyKind, "digest" | "notice" | "error">;

/** Free text as understood: the command call a slash command would make, in the reply's language. */
export interface Understood {
  intent: Intent;
  lang: Lang;
  call: CommandCall;
  /** Why, for logs and debugging: the scores that decided. */
  scores: Record<string, number>;
}

export function call(command: string, lang: Lang, args: Record<string, string> = {}): CommandCall {
  return { command, lang, args };
}
