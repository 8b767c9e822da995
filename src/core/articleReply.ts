import type { Actor, Article } from "../content/article.js";
import { actorList, sourceLine } from "../content/queries.js";
import type { CommandContext } from "./command.js";
import type { Lang } from "./lang.js";
import { type CommandCall, type FollowUp, type Reply, type ReplyQuote, makeReply } from "./reply.js";
import { t } from "./strings.js";
import { factExcerpt } from "../understand/factExcerpt.js";
import { factSentences } from "../understand/factIndex.js";
import { placeDisplayName } from "../understand/places.js";

/**
 * Building blocks shared by the article commands, so every answer carries the
 * same citation, the same follow-ups and the same "not in this article" reply.
 */

/** The article a call asks for (or the newest), or a reply saying it does not exist. */
export function articleFor(call: CommandCall, ctx: CommandContext): Article | Reply {
  const wanted = call.args.article?.trim();
  const article = ctx.library.get(wanted || undefined);
  if (article) return article;
  const newest = ctx.library.newest();
  return makeReply({
    kind: "not_found",
    lang: call.lang,
    title: t(call.lang).notFoundTitle,
    blocks: [t(call.lang).unknownArticle(wanted ?? "", ctx.library.articles.map((a) => a.id).join(", "))],
    source: sourceLine(newest, call.lang),
    private: true,
  });
}

export function isReply(value: Article | Reply): value is Reply {
  return "kind" in value && "blocks" in value;
}

/** A block that may be absent, spread into a list: `[...optional(x), ...]`. */
export function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/** Fields every reply about `article` shares. */
export function articleBase(article: Article, lang: Lang) {
  return {
    lang,
    articleId: article.id,
    source: sourceLine(article, lang),
    eventsDate: article.eventsDate,
  } as const;
}

function call(command: string, lang: Lang, args: Record<string, string | undefined> = {}): CommandCall {
  return { command, lang, args };
}

/**
 * Suggested next steps: the other actors, the background sections and the
 * summary, minus whatever the current reply already shows.
 */
export function followUpsFor(
  article: Article,
  lang: Lang,
  current: { command: string; actor?: string; topic?: string },
): FollowUp[] {
  const s = t(lang);
  const out: FollowUp[] = [];
  for (const actor of article.actors) {
    if (current.command === "reaction" && current.actor === actor.id) continue;
    out.push({ label: `${actor.flag} ${actor.name[lang]}`, call: call("reaction", lang, { actor: actor.id }) });
  }
  for (const section of article.background) {
    if (current.command === "background" && current.topic === section.id) continue;
    out.push({ label: s.followBackground(section.title[lang]), call: call("background", lang, { topic: section.id }) });
  }
  if (current.command !== "summary") out.push({ label: s.followSummary, call: call("summary", lang) });
  return out;
}

export function quoteOf(actor: Actor, index: number, article: Article, lang: Lang): ReplyQuote | undefined {
  const q = actor.quotes[index];
  if (!q) return undefined;
  return {
    speaker: q.speaker,
    role: q.role[lang],
    text: q.text,
    textLang: article.language,
    ...(lang !== article.language ? { translation: q.translation } : {}),
  };
}

/**
 * The article has no reaction from `asked`: say so and list the ones it has.
 * A known country or organisation gets "no reaction from X"; anything else
 * "I could not find X".
 */
export function notFoundReply(article: Article, lang: Lang, asked: string): Reply {
  const s = t(lang);
  // Named as the country data names it: "the United States", not the "Us" a lowercased "US" would give.
  const known = placeDisplayName(asked, lang);
  return makeReply({
    ...articleBase(article, lang),
    kind: "not_found",
    title: s.notFoundTitle,
    blocks: [
      known
        ? s.notFound(known, actorList(article, lang))
        : s.unknownActor(asked, actorList(article, lang)),
    ],
    actorText: asked.toLowerCase(),
    followUps: followUpsFor(article, lang, { command: "not_found" }),
  });
}

/**
 * An English answer from an article whose English an editor has not written
 * yet carries the Indonesian text (the loader's fallback) under one line saying so.
 */
export function noteEnglishPending(reply: Reply, article: Article | undefined): Reply {
  if (reply.lang !== "en" || !article?.englishPending || article.language === "en") return reply;
  return { ...reply, blocks: [t("en").englishPending, ...reply.blocks] };
}

/**
 * The article's own sentences answering a fact question (a call's `fact`
 * argument, "7.0"), as the reply's first block: verbatim in the article's
 * language, otherwise our rendering marked as ours, or, with none, the
 * original sentence with a note saying so. A long sentence starts at the
 * clause holding the fact (the call's `focus`), marked with an ellipsis.
 */
export function factBlock(article: Article, refs: string | undefined, lang: Lang, focus?: string): string | undefined {
  if (!refs) return undefined;
  const sentences = factSentences(article, refs);
  if (sentences.length === 0) return undefined;
  const s = t(lang);
  // The first sentence is the answer and may be cut to its fact; a second one adds to it and is shown whole.
  const quoted = (text: string, i: number) => {
    const cut = i === 0 ? factExcerpt(text, focus) : text;
    // An excerpt starting inside the article's own quotation closes it ("… hukum kemanusiaan internasional,” kata ...").
    if (cut.includes("“")) return cut;
    return cut.includes("”") ? `“${cut}` : `“${cut}”`;
  };
  if (lang === article.language) return `${s.factIntro} ${sentences.map((x, i) => quoted(x.text, i)).join(" ")}`;
  const rendered = lang === "en" ? [...new Set(sentences.map((x) => x.en))] : [];
  if (rendered.length > 0 && rendered.every((x): x is string => x !== undefined)) {
    return `${s.factIntroTranslated} ${rendered.map(quoted).join(" ")}`;
  }
  return `${s.factIntroUntranslated} ${sentences.map((x, i) => quoted(x.text, i)).join(" ")}`;
}

/** A fact the article does not hold: say so plainly, then what it does cover. */
export function factNotHeldReply(article: Article, lang: Lang, missing: string): Reply {
  const s = t(lang);
  const sections = article.background.map((sec) => sec.title[lang]).join(", ");
  return makeReply({
    ...articleBase(article, lang),
    kind: "not_found",
    title: s.notFoundTitle,
    blocks: [s.factNotHeld(missing), s.factCovers(actorList(article, lang), sections)],
    followUps: followUpsFor(article, lang, { command: "not_found" }),
  });
}

/** A command that needs an actor was given none: list the actors, each a button to that command. */
export function pickActorReply(article: Article, lang: Lang, command: "reaction" | "quote"): Reply {
  const s = t(lang);
  const actors = command === "quote" ? article.actors.filter((a) => a.quotes.length > 0) : article.actors;
  return makeReply({
    ...articleBase(article, lang),
    kind: "actors",
    title: s.actorsTitle,
    blocks: [s.pickActor(command, actors.map((a) => `${a.flag} ${a.name[lang]}`).join(", "))],
    followUps: actors.map((a) => ({ label: `${a.flag} ${a.name[lang]}`, call: call(command, lang, { actor: a.id }) })),
  });
}
