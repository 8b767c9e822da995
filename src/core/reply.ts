import type { Lang } from "./lang.js";

/**
 * The platform-neutral answer every command returns. Platforms render it
 * (Telegram HTML, Discord embeds, console text); none of them adds content.
 */
export type ReplyKind =
  | "summary"
  | "reaction"
  | "background"
  | "quote"
  | "actors"
  | "source"
  | "help"
  | "articles"
  | "not_found"
  | "unknown"
  | "digest"
  | "notice"
  | "error";

export interface ReplyQuote {
  speaker: string;
  role: string;
  /** The words exactly as the article prints them, in the article's language. */
  text: string;
  /** Language of `text` (the article's language). */
  textLang: Lang;
  /** Our rendering into the reply language, when it differs; always shown marked as a translation. */
  translation?: string;
}

export interface ReplyField {
  name: string;
  value: string;
}

/** A command invocation, as produced by a slash command, a button or free text. */
export interface CommandCall {
  command: string;
  args: Record<string, string | undefined>;
  lang: Lang;
}

/** A suggested next step; platforms turn these into buttons. */
export interface FollowUp {
  label: string;
  call: CommandCall;
}

export interface Reply {
  kind: ReplyKind;
  lang: Lang;
  title: string;
  /** Paragraphs of plain text (never pre-formatted: renderers escape). */
  blocks: string[];
  quotes: ReplyQuote[];
  fields: ReplyField[];
  /** The citation line; present on every answer drawn from an article. */
  source?: string;
  followUps: FollowUp[];
  /** Which actor/topic/article the reply is about, for renderers (colour, flag) and machine output. */
  actor?: string;
  topic?: string;
  /** For not_found: the name the user asked about, lowercased, as written. */
  actorText?: string;
  articleId?: string;
  /** Flag or emoji and an RGB colour for the reply's subject. */
  emoji?: string;
  color?: number;
  /** ISO date (YYYY-MM-DD) of the events reported; Discord shows it as a timestamp. */
  eventsDate?: string;
  /** Only the caller should see it (Discord ephemeral); a user's mistake or a private preview. */
  private?: boolean;
}

/** A reply with the defaults filled in, so commands only state what they have. */
export function makeReply(base: Pick<Reply, "kind" | "lang" | "title"> & Partial<Reply>): Reply {
  return { blocks: [], quotes: [], fields: [], followUps: [], ...base };
}
