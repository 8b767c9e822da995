import type { Article } from "../content/article.js";
import type { ContentLibrary } from "../content/loader.js";
import { sourceLine } from "../content/queries.js";
import { noteEnglishPending } from "../core/articleReply.js";
import { encodeCall } from "../core/callbackData.js";
import type { Lang } from "../core/lang.js";
import { type CommandCall, type FollowUp, makeReply, type Reply, type ReplyField } from "../core/reply.js";
import { t } from "../core/strings.js";
import type { DigestMode } from "../store/types.js";

/** A digest names a few articles at most, and only as many as fit one message (see DIGEST_SIZE_LIMIT). */
export const MAX_DIGEST_ARTICLES = 3;
const MAX_REACTION_CHARS = 180;

/**
 * A digest is always ONE message on every platform. A message cannot be sent
 * atomically in parts: if the second part failed (429, 5xx), the retry would
 * send the first part again. The smallest message is Telegram's, 4,096
 * characters (https://core.telegram.org/bots/api#sendmessage); Discord's
 * embeds take 6,000 a message. `renderedSizeBound` over-estimates what any
 * renderer makes of a reply, so a digest within this limit never splits.
 */
export const DIGEST_SIZE_LIMIT = 4_096;
/** The most markup a renderer puts around one paragraph (Telegram: <b></b>, line breaks). */
const MARKUP_PER_PARAGRAPH = 16;

/** Upper bound of `text` once escaped: an HTML entity is up to 5 characters for 1, a markdown escape 2. */
function escapedSize(text: string): number {
  let n = text.length;
  for (const ch of text) {
    if (ch === "&" || ch === "<" || ch === ">") n += 4;
    else if ("\\*_~`|[]@#-\n".includes(ch)) n += 1;
  }
  return n;
}

/** At least as many characters as the reply's longest rendering (Telegram HTML, Discord embeds, console). */
export function renderedSizeBound(reply: Reply): number {
  const texts = [
    reply.title,
    ...reply.blocks,
    ...reply.quotes.flatMap((q) => [q.text, `${q.speaker}, ${q.role}`, q.translation ?? ""]),
    ...reply.fields.flatMap((f) => [f.name, f.value]),
    reply.source ?? "",
  ];
  return texts.reduce((n, text) => n + escapedSize(text) + MARKUP_PER_PARAGRAPH, 0);
}

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

function digestOf(library: ContentLibrary, articles: readonly Article[], lang: Lang, recap: boolean): Reply {
  const s = t(lang);
  const lead = articles[0]!;
  const multiple = articles.length > 1;
  // An article whose English is still pending is carried in Indonesian, under the same one-line note as answers.
  return noteEnglishPending(makeReply({
    kind: "digest",
    lang,
    title: recap ? s.digest.recapTitle(lead.title[lang]) : multiple ? s.digest.title(articles.length) : `${s.digest.title(1)}: ${lead.title[lang]}`,
    blocks: multiple ? [s.digest.intro(articles.length)] : [lead.summary.short[lang]],
    fields: articles.flatMap((a) => articleFields(a, lang, multiple)),
    source: articles.map((a) => sourceLine(a, lang)).join("\n"),
    followUps: followUpsFor(lead, lead.id === library.newest().id, lang),
    articleId: lead.id,
    eventsDate: lead.eventsDate,
  }), articles.find((a) => a.englishPending));
}

/** Cuts `text` to about `max` characters, between words, with an ellipsis. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * One article too big for one message (many actors, a long summary): the
 * title and summary are cut, and the lines that do not fit give way to a
 * pointer to /actors, where every reaction is in full.
 */
function shrinkToLimit(reply: Reply, lang: Lang): Reply {
  const pointer: ReplyField = { name: t(lang).followActors, value: "/actors" };
  const base: Reply = { ...reply, title: clip(reply.title, 200), blocks: reply.blocks.map((b) => clip(b, 1_000)), fields: [pointer] };
  let size = renderedSizeBound(base);
  const kept: ReplyField[] = [];
  for (const field of reply.fields) {
    const cost = escapedSize(field.name) + escapedSize(field.value) + 2 * MARKUP_PER_PARAGRAPH;
    if (size + cost > DIGEST_SIZE_LIMIT) continue;
    kept.push(field);
    size += cost;
  }
  return { ...base, fields: [...kept, pointer] };
}

/**
 * The digest for a chat that has already received `received`: the articles it
 * has not, newest first, each with its summary, one line per actor's reaction,
 * a pointer to the background and its source. Nothing new gives undefined,
 * unless `mode` is "always" (then a recap of the newest article).
 * It holds as many of the new articles as fit one message (DIGEST_SIZE_LIMIT);
 * the others are not marked received, so they lead the next digest.
 */
export function composeDigest(
  library: ContentLibrary,
  received: ReadonlySet<string>,
  lang: Lang,
  mode: DigestMode,
): ComposedDigest | undefined {
  const fresh = library.articles.filter((a) => !received.has(a.id)).slice(0, MAX_DIGEST_ARTICLES);
  const recap = fresh.length === 0;
  if (recap && mode !== "always") return undefined;
  const articles = recap ? [library.newest()] : fresh;
  for (let n = articles.length; n > 1; n--) {
    const reply = digestOf(library, articles.slice(0, n), lang, recap);
    if (renderedSizeBound(reply) <= DIGEST_SIZE_LIMIT) return { reply, articleIds: articles.slice(0, n).map((a) => a.id) };
  }
  const single = digestOf(library, articles.slice(0, 1), lang, recap);
  const reply = renderedSizeBound(single) <= DIGEST_SIZE_LIMIT ? single : shrinkToLimit(single, lang);
  return { reply, articleIds: [articles[0]!.id] };
}
