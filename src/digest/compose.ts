import type { Article } from "../content/article.js";
import type { ContentLibrary } from "../content/loader.js";
import { sourceLine } from "../content/queries.js";
import { encodeCall } from "../core/callbackData.js";
import type { Lang } from "../core/lang.js";
import { type CommandCall, type FollowUp, makeReply, type Reply, type ReplyField } from "../core/reply.js";
import { t } from "../core/strings.js";
import type { DigestMode } from "../store/types.js";

/** A digest names a few articles at most; more would not fit one message (Telegram 4,096 chars, 25 embed fields). */
export const MAX_DIGEST_ARTICLES = 3;
const MAX_REACTION_CHARS = 180;

export interface ComposedDigest {
  reply: Reply;
  /** Articles this digest delivers, recorded as received once it is sent. */
  articleIds: string[];
}

/** The first sentence of a reaction, so each actor gets one line. */
export function firstSentence(text: string, max = MAX_REACTION_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const m = /^.+?[.!?](?=\s|$)/.exec(flat);
  const sentence = m ? m[0] : flat;
  return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1).trimEnd()}…`;
}

/** Buttons only for calls that fit a Telegram callback (64 bytes); the command itself is always typeable. */
function followUp(label: string, call: CommandCall): FollowUp[] {
  try {
    encodeCall(call);
    return [{ label, call }];
  } catch {
    return [];
  }
}

function articleFields(article: Article, lang: Lang, multiple: boolean): ReplyField[] {
  const s = t(lang);
  const fields: ReplyField[] = [];
  if (multiple) fields.push({ name: `📰 ${article.title[lang]}`, value: article.summary.short[lang] });
  for (const actor of article.actors) {
    fields.push({ name: `${actor.flag} ${actor.name[lang]}`, value: firstSentence(actor.reaction[lang]) });
  }
  if (article.background.length > 0) {
    fields.push({
      name: s.digest.backgroundLabel,
      value: article.background.map((b) => `• ${b.title[lang]} (/background ${b.id})`).join("\n"),
    });
  }
  return fields;
}

function followUpsFor(article: Article, newest: boolean, lang: Lang): FollowUp[] {
  const s = t(lang);
  // The newest article is every command's default, so its buttons need no article argument (and stay short).
  const args = (extra: Record<string, string> = {}) => (newest ? extra : { ...extra, article: article.id });
  return [
    ...followUp(s.followSummary, { command: "summary", lang, args: args() }),
    ...followUp(s.followActors, { command: "actors", lang, args: args() }),
    ...article.background.flatMap((b) =>
      followUp(s.followBackground(b.title[lang]), { command: "background", lang, args: args({ topic: b.id }) }),
    ),
  ];
}

/**
 * The digest for a chat that has already received `received`: the articles it
 * has not, newest first, each with its summary, one line per actor's reaction,
 * a pointer to the background and its source. Nothing new gives undefined,
 * unless `mode` is "always" (then a recap of the newest article).
 */
export function composeDigest(
  library: ContentLibrary,
  received: ReadonlySet<string>,
  lang: Lang,
  mode: DigestMode,
): ComposedDigest | undefined {
  const s = t(lang);
  const fresh = library.articles.filter((a) => !received.has(a.id)).slice(0, MAX_DIGEST_ARTICLES);
  const recap = fresh.length === 0;
  if (recap && mode !== "always") return undefined;
  const articles = recap ? [library.newest()] : fresh;
  const lead = articles[0]!;
  const multiple = articles.length > 1;
  const reply = makeReply({
    kind: "digest",
    lang,
    title: recap ? s.digest.recapTitle(lead.title[lang]) : multiple ? s.digest.title(articles.length) : `${s.digest.title(1)}: ${lead.title[lang]}`,
    blocks: multiple ? [s.digest.intro(articles.length)] : [lead.summary.short[lang]],
    fields: articles.flatMap((a) => articleFields(a, lang, multiple)),
    source: articles.map((a) => sourceLine(a, lang)).join("\n"),
    followUps: followUpsFor(lead, lead.id === library.newest().id, lang),
    articleId: lead.id,
    eventsDate: lead.eventsDate,
  });
  return { reply, articleIds: articles.map((a) => a.id) };
}
