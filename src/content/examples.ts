import type { Lang } from "../core/lang.js";
import { t } from "../core/strings.js";
import type { Actor, Article } from "./article.js";

/**
 * Example questions for /help, /start, the console greeting and the empty
 * message hint, made from an article's own actors, speakers and sections, so
 * the examples always name what the article being served covers. For the
 * seed: "apa kata Prancis?", "gmn reaksi PBB?", "apa peran Rusia?",
 * "kutip dong omongan Colonna".
 */

/**
 * "the UN" rather than "United Nations": an organisation's English acronym
 * reads as people ask; plural names take "the" ("the Philippines").
 */
function askedName(actor: Actor, lang: Lang): string {
  if (lang === "id") return actor.name.id;
  const acronym = actor.name.en.includes(" ") ? actor.aliases.en.find((a) => /^[A-Z]{2,5}$/.test(a)) : undefined;
  if (acronym) return `the ${acronym}`;
  return /s$/.test(actor.name.en) ? `the ${actor.name.en}` : actor.name.en;
}

/** A speaker people would name: the surname of a quoted person the article knows by it ("Colonna"). */
function quotedSpeaker(article: Article): string | undefined {
  for (const actor of article.actors) {
    const aliases = new Set([...actor.aliases.id, ...actor.aliases.en].map((a) => a.toLowerCase()));
    for (const quote of actor.quotes) {
      const surname = quote.speaker.replace(/[.,]+$/, "").split(/\s+/).filter((w) => !/^(jr|sr)\.?$/i.test(w)).at(-1);
      // "Kementerian Pangan India" ends in the country's name: a ministry, not a person to quote by name.
      const isActorName = surname === actor.name.id || surname === actor.name.en;
      if (surname && !isActorName && aliases.has(surname.toLowerCase())) return surname;
    }
  }
  return undefined;
}

/**
 * A title-cased section title as a question typed in a chat: "Apa Peran
 * Rusia?" -> "apa peran Rusia?". Names of the article's actors and acronyms
 * keep their capitals.
 */
function asTyped(title: string, article: Article): string {
  const names = new Set(article.actors.flatMap((a) => [a.name.id, a.name.en, ...a.aliases.id, ...a.aliases.en]).flatMap((n) => n.split(/\s+/)));
  return title
    .split(" ")
    .map((word) => {
      const bare = word.replace(/['’]s$|[?!.,]+$/g, "");
      return names.has(bare) || /^[A-Z]{2,}$/.test(bare) ? word : word.toLowerCase();
    })
    .join(" ");
}

export function exampleQuestions(article: Article, lang: Lang): string[] {
  const s = t(lang).examples;
  const [first, second] = article.actors;
  const out: string[] = [];
  if (first) out.push(s.say(askedName(first, lang)));
  if (second) out.push(s.react(askedName(second, lang)));
  const section = article.background[0];
  if (section && section.title[lang].endsWith("?")) out.push(asTyped(section.title[lang], article));
  const speaker = quotedSpeaker(article);
  if (speaker) out.push(s.quote(speaker));
  return out;
}
