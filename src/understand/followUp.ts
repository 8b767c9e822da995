import type { Article } from "../content/article.js";
import { actorNameWords } from "./actorNames.js";
import type { Lang } from "../core/lang.js";
import type { CommandCall } from "../core/reply.js";
import type { Intent, Understood } from "./intent.js";
import { tokenize } from "./normalize.js";

/**
 * A follow-up read against what the same person asked just before: the last
 * actor, section and kind of answer. Pure: the caller keeps the memory.
 *   "kutipannya mana?" after Russia      -> Russia's quote
 *   "and the UN?" / "terus PBB?"          -> the last kind of answer, for the UN
 *   "what did she mean?" after a quote    -> that speaker's reaction
 */
export interface Previous {
  actor?: string;
  topic?: string;
  kind: string;
  articleId?: string;
}

/** Words that point back at someone already named. */
const PRONOUNS = new Set(
  `she he her his him they them their it its dia beliau mereka ia nya pihak itu tersebut`.split(/\s+/),
);
/** "What did she mean?": asking what someone's words mean is asking for their reaction, explained. */
const MEANING = new Set(`mean meant meaning maksud maksudnya artinya arti means`.split(/\s+/));
/** Words a bare follow-up ("and the UN?", "terus PBB?") may carry besides the name. */
const LINKS = new Set(
  `and what about how then also too so the terus lalu kalau kalo bagaimana gimana dengan juga sama yang apa ya ok oke`.split(/\s+/),
);

function call(command: string, lang: Lang, args: Record<string, string>): CommandCall {
  return { command, lang, args };
}

function about(u: Understood, intent: Intent, c: CommandCall, previous: Previous): Understood {
  // The follow-up stays on the article the conversation is about.
  const args = previous.articleId && !c.args.article ? { ...c.args, article: previous.articleId } : c.args;
  return { ...u, intent, call: { ...c, args } };
}

/** The kind of answer `previous` was, asked now about `actor`. */
function sameKindFor(u: Understood, actor: string, previous: Previous, article: Article): Understood {
  if (previous.kind === "quote") return about(u, "quote", call("quote", u.lang, { actor }), previous);
  if (previous.kind === "background") {
    const section = article.background.find((s) => s.actors.includes(actor));
    if (section) return about(u, "background", call("background", u.lang, { topic: section.id }), previous);
  }
  return u;
}

/**
 * The tokens of `text`, read once per understanding: kabar keeps one Understood per question text, so a
 * question asked again in a conversation is not tokenized again (the check is on the text, in case a caller
 * pairs an understanding with other text).
 */
const tokensOf = new WeakMap<Understood, { text: string; tokens: readonly string[] }>();
function tokensFor(u: Understood, text: string): readonly string[] {
  const known = tokensOf.get(u);
  if (known?.text === text) return known.tokens;
  const tokens = tokenize(text);
  tokensOf.set(u, { text, tokens });
  return tokens;
}

export function withPrevious(u: Understood, text: string, previous: Previous | undefined, article: Article): Understood {
  if (!previous) return u;
  const asked = u.call.args.actor;
  const last = previous.actor;

  // "kutipannya mana?": a quote with no one named is the last actor's.
  if (u.intent === "quote" && !asked && last) return about(u, "quote", call("quote", u.lang, { actor: last }), previous);

  // "and the UN?": only a covered actor's name and linking words: the same kind of answer, for them.
  const tokens = tokensFor(u, text);
  if (u.intent === "reaction" && asked && !u.call.args.fact) {
    const actor = article.actors.find((a) => a.id === asked);
    const names = actor ? actorNameWords(actor) : new Set<string>();
    const bare = tokens.length <= 5 && tokens.every((tok) => names.has(tok) || LINKS.has(tok));
    if (bare) return sameKindFor(u, asked, previous, article);
    return u;
  }

  // "what did she mean?", "apa maksudnya?": someone named before, no one named now.
  const pointsBack = tokens.some((tok) => PRONOUNS.has(tok) || MEANING.has(tok)) || /nya$/.test(tokens.at(-1) ?? "");
  if (!last || asked || !pointsBack) return u;
  if (u.intent === "unknown" || u.intent === "summary" || u.intent === "reaction" || u.intent === "actors" || u.intent === "help") {
    if (tokens.some((tok) => MEANING.has(tok))) return about(u, "reaction", call("reaction", u.lang, { actor: last }), previous);
    // "what did they say?" names no one: the one named before, unless it asks who reacted at all.
    const who = (u.scores.actors ?? 0) >= 3;
    if (u.intent === "unknown" || u.intent === "reaction" || (u.intent === "actors" && !who)) {
      return about(u, "reaction", call("reaction", u.lang, { actor: last }), previous);
    }
  }
  if (u.intent === "background" && !u.call.args.fact) {
    const section = article.background.find((s) => s.actors.includes(last));
    if (section) return about(u, "background", call("background", u.lang, { topic: section.id }), previous);
  }
  return u;
}
