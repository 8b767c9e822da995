import type { Article, BackgroundSection } from "../content/article.js";
import type { Lang } from "../core/lang.js";
import type { CommandCall, ReplyKind } from "../core/reply.js";
import { type ActorMention, findActors, findPlaces, type PlaceMention } from "./entities.js";
import { contentCues } from "./contentCues.js";
import { COMMON_WORDS, detectLang } from "./language.js";
import {
  ACTORS,
  BACKGROUND,
  CONTEXT_PLACES,
  HELP,
  type Lexicon,
  QUOTE,
  REACTION,
  SOURCE,
  SUMMARY,
  TOPIC,
} from "./lexicon.js";
import { cleanText, tokenize } from "./normalize.js";

/**
 * Free text -> the command call a slash command would make. Scores the
 * message against each kind of answer, then decides with the actors and
 * places it names. Pure and synchronous; no I/O.
 */

/** What a question asks for: the answer kinds a question can lead to. */
export type Intent = Exclude<ReplyKind, "digest" | "notice" | "error">;

export interface Understood {
  intent: Intent;
  lang: Lang;
  call: CommandCall;
  /** Why, for logs and debugging: the scores that decided. */
  scores: Record<string, number>;
}

interface CompiledLexicon {
  exact: Map<string, number>;
  stems: Array<[string, number]>;
  phrases: Array<[string, number]>;
}

function compile(lexicon: Lexicon): CompiledLexicon {
  const out: CompiledLexicon = { exact: new Map(), stems: [], phrases: [] };
  for (const [raw, weight] of lexicon) {
    const entry = raw.endsWith("*") ? raw.slice(0, -1) : raw;
    const key = cleanText(entry);
    if (raw.endsWith("*")) out.stems.push([key, weight]);
    else if (key.includes(" ")) out.phrases.push([` ${key} `, weight]);
    else out.exact.set(key, Math.max(weight, out.exact.get(key) ?? 0));
  }
  return out;
}

/** Sum of the weights of the entries a message contains; each token counts once, at its best. */
function score(lex: CompiledLexicon, tokens: string[], joined: string): number {
  let total = 0;
  for (const tok of tokens) {
    // Indonesian enclitics: "sikapnya" is "sikap", "bisakah" is "bisa".
    const bare = tok.length > 5 ? tok.replace(/(nya|lah|kah|pun)$/, "") : tok;
    let best = Math.max(lex.exact.get(tok) ?? 0, lex.exact.get(bare) ?? 0);
    for (const [stem, weight] of lex.stems) if (weight > best && tok.includes(stem)) best = weight;
    total += best;
  }
  for (const [phrase, weight] of lex.phrases) if (joined.includes(phrase)) total += weight;
  return total;
}

const LEX = {
  summary: compile(SUMMARY),
  quote: compile(QUOTE),
  source: compile(SOURCE),
  actors: compile(ACTORS),
  help: compile(HELP),
  reaction: compile(REACTION),
  background: compile(BACKGROUND),
  topic: compile(TOPIC),
};

/** Words the bot knows as ordinary words: never read as a misspelt actor name. */
const VOCABULARY: ReadonlySet<string> = new Set([
  ...COMMON_WORDS,
  ...Object.values(LEX).flatMap((l) => [
    ...l.exact.keys(),
    ...l.stems.map(([s]) => s),
    ...l.phrases.flatMap(([p]) => p.trim().split(" ")),
  ]),
]);

const sectionLexicons = new WeakMap<BackgroundSection, CompiledLexicon>();
function sectionScore(section: BackgroundSection, tokens: string[], joined: string): number {
  let lex = sectionLexicons.get(section);
  if (!lex) {
    lex = compile([...section.keywords.id, ...section.keywords.en].map((k) => [k, 3] as [string, number]));
    sectionLexicons.set(section, lex);
  }
  return score(lex, tokens, joined);
}

/** The article's own outlet and author ("is this from Tribunnews?") point at the source. */
const sourceLexicons = new WeakMap<Article, CompiledLexicon>();
function articleSourceScore(article: Article, tokens: string[], joined: string): number {
  let lex = sourceLexicons.get(article);
  if (!lex) {
    const outlet = article.outlet.replace(/\.(com|co\.id|id|net|org)$/i, "");
    lex = compile([article.outlet, outlet, article.author].map((k) => [k, 3] as [string, number]));
    sourceLexicons.set(article, lex);
  }
  return score(lex, tokens, joined);
}

const sectionWordSets = new WeakMap<Article, ReadonlySet<string>>();
function sectionWords(article: Article): ReadonlySet<string> {
  let words = sectionWordSets.get(article);
  if (!words) {
    words = new Set(article.background.flatMap((sec) => [...sec.keywords.id, ...sec.keywords.en].flatMap((k) => tokenize(k))));
    sectionWordSets.set(article, words);
  }
  return words;
}

/** Words that say nothing about which part of the article is meant: function words, cue words, names. */
const cueIgnores = new WeakMap<Article, (word: string) => boolean>();
const STEMS = Object.values(LEX).flatMap((l) => l.stems.map(([stem]) => stem));
function cueIgnore(article: Article): (word: string) => boolean {
  let ignore = cueIgnores.get(article);
  if (!ignore) {
    // Names say who, not which part; editors' section keywords already point at their section.
    const names = article.actors.flatMap((a) => [a.name.id, a.name.en, ...a.aliases.id, ...a.aliases.en]);
    const keywords = article.background.flatMap((sec) => [...sec.keywords.id, ...sec.keywords.en]);
    const words = new Set([...VOCABULARY, ...[...names, ...keywords].flatMap((n) => tokenize(n))]);
    ignore = (word) => words.has(word) || STEMS.some((stem) => word.includes(stem));
    cueIgnores.set(article, ignore);
  }
  return ignore;
}

function call(command: string, lang: Lang, args: Record<string, string> = {}): CommandCall {
  return { command, lang, args };
}

/** Words that leave a bare name a question about it: "Turki gimana?", "what about Iran?". */
const FILLER = new Set(
  `kalau bagaimana apa dengan terus lalu kemudian yang juga sendiri saja ya the what about how and then of so is are
  negara pemerintah government country`.split(/\s+/),
);

/** The place a question is about, when it asks about one the article has no reaction from. */
function askedPlace(places: PlaceMention[], tokens: string[], reaction: number, topic: number): PlaceMention | undefined {
  for (const place of places) {
    if (CONTEXT_PLACES.has(place.code)) {
      // Armenia, Azerbaijan, Ukraine are the story's setting: only "what did Armenia say?" asks for their reaction.
      if (reaction >= 2) return place;
      continue;
    }
    const placeWords = new Set(place.text.split(" "));
    const bare = tokens.every((tok) => placeWords.has(tok) || FILLER.has(tok));
    if (reaction >= 1 || topic >= 2 || bare) return place;
  }
  return undefined;
}

export function understand(text: string, article: Article, fallbackLang: Lang = "id"): Understood {
  const tokens = tokenize(text);
  const joined = ` ${tokens.join(" ")} `;

  const s = {
    summary: score(LEX.summary, tokens, joined),
    quote: score(LEX.quote, tokens, joined),
    source: score(LEX.source, tokens, joined) + articleSourceScore(article, tokens, joined),
    actors: score(LEX.actors, tokens, joined),
    help: score(LEX.help, tokens, joined),
    // A word an editor listed for a background section ("criticism") is about that section, not a reaction verb.
    reaction: score(LEX.reaction, tokens.filter((tok) => !sectionWords(article).has(tok)), joined),
    background: score(LEX.background, tokens, joined),
    topic: score(LEX.topic, tokens, joined),
  };
  const actors: ActorMention[] = findActors(article, tokens, VOCABULARY);
  const places = findPlaces(tokens, text);
  const nameCues = [...actors, ...places].flatMap((m) => (m.lang ? [m.lang] : []));
  const lang = detectLang(tokens, fallbackLang, nameCues);
  const cues = contentCues(article, tokens, cueIgnore(article));
  const cue = (kind: "actor" | "section", id: string) => cues.get(`${kind}:${id}`) ?? 0;
  // Words of a section's own text count like its keywords.
  const sections = article.background.map((section) => ({
    section,
    score: sectionScore(section, tokens, joined) + 3 * cue("section", section.id),
  }));
  const done = (intent: Intent, c: CommandCall): Understood => ({
    intent,
    lang,
    call: c,
    scores: { ...s, ...Object.fromEntries([...cues, ...sections.map((x) => [`bg:${x.section.id}`, x.score] as const)]) },
  });

  /** An actor is meant: their quote, the background about them, or their reaction. */
  const aboutActor = (actorId: string): Understood => {
    if (s.quote >= 3) return done("quote", call("quote", lang, { actor: actorId }));
    const reaction = s.reaction + 3 * cue("actor", actorId);
    const about = sections
      .filter((x) => x.section.actors.length === 0 || x.section.actors.includes(actorId))
      .sort((a, b) => b.score - a.score)[0];
    if (about) {
      const bg = about.score + s.background;
      // Background words must outweigh "what did they say" words; ties go to the reaction.
      if ((about.score >= 3 || s.background >= 3) && bg > reaction) {
        return done("background", call("background", lang, { topic: about.section.id }));
      }
    }
    return done("reaction", call("reaction", lang, { actor: actorId }));
  };

  // 1. A covered actor is named.
  const first = actors[0];
  if (first) return aboutActor(first.actorId);

  // 2. A country or organisation the article has no reaction from.
  const place = askedPlace(places, tokens, s.reaction, s.topic);
  const asksAbout = place && s.source < 3 && s.summary < 3;
  if (asksAbout && !CONTEXT_PLACES.has(place.code)) {
    return done("not_found", call("reaction", lang, { actor: place.text }));
  }

  // 3. No one named, but the question echoes one actor's words ("who called it illegal?").
  const echoed = article.actors
    .map((a) => ({ id: a.id, hits: cue("actor", a.id) }))
    .sort((a, b) => b.hits - a.hits);
  const [top, runnerUp] = echoed;
  const bestSectionHits = Math.max(0, ...article.background.map((sec) => cue("section", sec.id)));
  if (top && top.hits > 0 && top.hits > (runnerUp?.hits ?? 0) && top.hits > bestSectionHits) {
    return aboutActor(top.id);
  }
  // Armenia, Azerbaijan, Ukraine: the story's setting, asked for their own reaction.
  if (asksAbout) return done("not_found", call("reaction", lang, { actor: place.text }));

  // 4. No one meant: the strongest kind of question wins; ties in this order.
  const bestSection = sections.sort((a, b) => b.score - a.score)[0];
  const candidates: Array<[Intent, number, () => CommandCall]> = [
    ["quote", s.quote, () => call("quote", lang)],
    ["source", s.source, () => call("source", lang)],
    ["actors", s.actors + (s.actors >= 2 ? Math.min(s.reaction, 2) : 0), () => call("actors", lang)],
    [
      // Section keywords ("Lachin", "peacekeepers") or a plain "background?" (the first section).
      "background",
      bestSection && (bestSection.score >= 3 || s.background >= 3) ? bestSection.score + s.background : 0,
      () => call("background", lang, bestSection ? { topic: bestSection.section.id } : {}),
    ],
    ["summary", s.summary, () => call("summary", lang)],
    ["help", s.help, () => call("help", lang)],
  ];
  let winner: [Intent, number, () => CommandCall] | undefined;
  for (const c of candidates) if (c[1] >= 2 && (!winner || c[1] > winner[1])) winner = c;
  if (winner) return done(winner[0], winner[2]());

  // 5. Asked who reacted without naming anyone, or asked about the story itself.
  if (s.reaction >= 3) return done("actors", call("actors", lang));
  if (s.topic >= 2) return done("summary", call("summary", lang));
  return done("unknown", call("unknown", lang));
}
