import type { Article, BackgroundSection } from "../content/article.js";
import type { Lang } from "../core/lang.js";
import type { CommandCall } from "../core/reply.js";
import { contentCues } from "./contentCues.js";
import { factCue, foreignWords } from "./facts.js";
import { withFact } from "./factQuestion.js";
import { COMMON_WORDS } from "./language.js";
import { type ActorMention, findActors, findMisspeltPlace, findPlaces, type PlaceMention } from "./entities.js";
import { detectLang } from "./language.js";
import { settingOf } from "./setting.js";
import { readingOnce, tokenizeCounting } from "./normalize.js";
import {
  articleSourceScore,
  cueIgnore,
  LEX,
  score,
  sectionScore,
  sectionTokens,
  sectionWords,
  VOCABULARY,
} from "./scores.js";
import { PLACE_WORDS, readTokens, spellingFixer } from "./readTokens.js";

/**
 * Free text -> the command call a slash command would make. Scores the
 * message against each kind of answer, then decides with the actors and
 * places it names. Pure and synchronous; no I/O.
 */

import { call, type Intent, type Understood } from "./understood.js";

export type { Intent, Understood } from "./understood.js";

const WHY = new Set(["kenapa", "mengapa", "why", "kok"]);
const NOT = new Set(["tidak", "not", "belum", "enggan", "never"]);

/** Generic names for the kind of party that reacts ("which nations or bodies reacted?"): never off-topic. */
const GROUP_WORDS = new Set(
  `nation nations body bodies country countries party parties organisation organisations organization organizations group groups
  government governments state states leader leaders world community pihak negara lembaga organisasi pemerintah pemimpin dunia
  komunitas internasional`.split(/\s+/),
);

/** Words that leave a bare name a question about it: "Turki gimana?", "what about Iran?". */
const FILLER = new Set(
  `kalau bagaimana apa dengan terus lalu kemudian yang juga sendiri saja ya the what about how and then of so is are
  negara pemerintah government country`.split(/\s+/),
);

/** The place a question is about, when it asks about one the article has no reaction from. */
function askedPlace(
  places: PlaceMention[],
  setting: ReadonlySet<string>,
  tokens: readonly string[],
  reaction: number,
  topic: number,
  background: number,
  section: number,
): PlaceMention | undefined {
  for (const place of places) {
    if (setting.has(place.code)) {
      // The story's setting (Armenia, Azerbaijan, Ukraine in the seed): only "what did Armenia say?" asks for their reaction,
      // and background words ("latar belakang sikap Armenia") make it a question about the background, as do a section's
      // keywords that outweigh the words of saying ("what did Armenia say about the corridor and the peacekeepers?"), as
      // they do for an actor's reaction.
      if (reaction >= 2 && background < 3 && !(section >= 3 && section > reaction)) return place;
      continue;
    }
    const placeWords = new Set(place.text.split(" "));
    const bare = tokens.every((tok) => placeWords.has(tok) || FILLER.has(tok));
    if (reaction >= 1 || topic >= 2 || bare) return place;
  }
  return undefined;
}

/** "menurut artikel", "according to the article/report": a citation of the source, not someone's view. */
function citesArticle(tokens: readonly string[]): boolean {
  const at = accordingTo(tokens);
  return at !== undefined && ["artikel", "berita", "article", "report", "story", "laporan", "tribunnews"].includes(tokens[at] ?? "");
}

/** Where the name after "menurut" / "according to" starts ("the" skipped), if the message has one. */
function accordingTo(tokens: readonly string[]): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    let at: number | undefined;
    if (tokens[i] === "menurut") at = i + 1;
    else if (tokens[i] === "according" && tokens[i + 1] === "to") at = i + 2;
    if (at === undefined) continue;
    if (tokens[at] === "the" || tokens[at] === "pihak" || tokens[at] === "pemerintah") at++;
    return at;
  }
  return undefined;
}

export function understand(text: string, article: Article, fallbackLang: Lang = "id"): Understood {
  // Every step below reads the same text: cleaned and tokenized once for all of them.
  return readingOnce(() => understandOnce(text, article, fallbackLang));
}

function understandOnce(text: string, article: Article, fallbackLang: Lang): Understood {
  const { tokens, particles } = tokenizeCounting(text);
  const read = { ...readTokens(article, tokens), particles };
  const understood = decide(text, read, article, fallbackLang);
  return withFact(understood, read.tokens, article, text);
}

/** "start" and "mulai" are the way in ("/start", "mulai"), but "when did the operation start?" asks about the story. */
const STARTING = new Set(["start", "started", "starts", "mulai", "dimulai"]);
const startsStory = (tokens: readonly string[]) => tokens.some((t) => STARTING.has(t)) && factCue(tokens) !== undefined;

/** The tokens without the words an editor listed for a section; the same array when it has none (most), so its scores are shared. */
function withoutSectionWords(article: Article, tokens: readonly string[]): readonly string[] {
  const words = sectionWords(article);
  return tokens.some((tok) => words.has(tok)) ? tokens.filter((tok) => !words.has(tok)) : tokens;
}

function decide(text: string, read: { tokens: readonly string[]; informal: number; particles: number }, article: Article, fallbackLang: Lang): Understood {
  const tokens = read.tokens;
  const joined = ` ${tokens.join(" ")} `;

  // "kenapa Rusia ga bertindak?", "why didn't Russia act?": why someone did not act is a question of background.
  const whyNot = tokens.some((t) => WHY.has(t)) && tokens.some((t) => NOT.has(t));
  // "gmn persisnya sikap dia": "exactly" about a stance asks for the reaction; about what was said, for the quote.
  const exactly = score(LEX.stance, tokens, joined) >= 3 ? 0 : score(LEX.exactly, tokens, joined);
  // "yang mana saja boleh", "whichever": any one will do, so its "mana saja" asks for no list of actors.
  const anyOne = score(LEX.anyOne, tokens, joined) >= 3 ? 3 : 0;
  const s = {
    summary: score(LEX.summary, tokens, joined),
    quote: score(LEX.quote, tokens, joined) + exactly,
    source: score(LEX.source, tokens, joined) + articleSourceScore(article, tokens, joined),
    actors: Math.max(0, score(LEX.actors, tokens, joined) - anyOne),
    help: score(LEX.help, tokens, joined) - (startsStory(tokens) ? 3 : 0),
    // A word an editor listed for a background section ("criticism") is about that section, not a reaction verb.
    // "menurut artikel" cites the article, it asks for no one's view.
    reaction: score(LEX.reaction, withoutSectionWords(article, tokens), joined) - (citesArticle(tokens) ? 3 : 0),
    background: score(LEX.background, tokens, joined) + (whyNot ? 3 : 0),
    topic: score(LEX.topic, tokens, joined),
  };
  // "did everyone condemn Azerbaijan?": what everyone said is a question about all the actors, whatever setting place
  // it names (the setting is what the story is about, not who is asked).
  if (s.reaction >= 2 && s.quote < 3 && s.actors < 3 && score(LEX.everyone, tokens, joined) >= 3) s.actors = 3;
  const actors: ActorMention[] = findActors(article, tokens, VOCABULARY);
  const exactPlaces = findPlaces(tokens, text);
  // A misspelt place needs a clear reaction question around it: "makan" must not read as "Makau".
  const misspelt =
    actors.length === 0 && exactPlaces.length === 0 && (s.reaction >= 2 || s.topic >= 2)
      ? findMisspeltPlace(tokens, spellingFixer(article).known)
      : undefined;
  const places = misspelt ? [misspelt] : exactPlaces;
  // Places the article names without a reaction from them: what the story is about, not who is asked.
  const { places: setting, actorPlaces } = settingOf(article);
  const nameCues = [...actors, ...places].flatMap((m) => (m.lang ? [m.lang] : []));
  // Places that are not a covered actor ("Rusia" is both a country and an actor, also inside "Kementerian Luar Negeri Rusia").
  const actorAt = new Set(actors.map((a) => a.at));
  const otherPlaces = places.filter((p) => !actorAt.has(p.at) && !actorPlaces.has(p.code));
  // Particles (dong, sih, deh) are dropped from the tokens but mark the message as Indonesian.
  const lang = detectLang(tokens, fallbackLang, [
    ...nameCues,
    ...Array.from({ length: read.particles }, () => ["id", "id"] as const).flat(),
    // Chat verb forms (ngecam, nanggepin) are Indonesian only.
    ...Array.from({ length: read.informal }, () => ["id", "id"] as const).flat(),
  ]);
  const cues = contentCues(article, tokens, cueIgnore(article));
  const cue = (kind: "actor" | "section", id: string) => cues.get(`${kind}:${id}`) ?? 0;
  // Words of a section's own text count like its keywords.
  // The article's own words are a weaker sign than cue words: one of them ("terbaru") counts only
  // with another sign that the question is about the article, or with a second one.
  const asksWho = tokens.some((tok) => tok === "siapa" || tok === "who" || tok === "whose" || tok === "whom");
  const backed = actors.length > 0 || asksWho || s.topic >= 2 || s.reaction >= 2 || s.background >= 1;
  const counted = (hits: number) => (hits >= 2 || (hits === 1 && backed) ? hits : 0);
  const sections = article.background.map((section) => ({
    section,
    score: sectionScore(section, tokens, joined) + 3 * counted(cue("section", section.id)),
  }));
  // Content words the article never uses, computed only when a decision needs them.
  let foreignCache: string[] | undefined;
  const known = cueIgnore(article);
  const foreign = () =>
    (foreignCache ??= foreignWords(article, tokens, (w) => known(w) || COMMON_WORDS.has(w) || PLACE_WORDS.has(w) || GROUP_WORDS.has(w)));
  const done = (intent: Intent, c: CommandCall): Understood => {
    let scores: Record<string, number> | undefined;
    return {
      intent,
      lang,
      call: c,
      // For logs and debugging only: built when someone reads it, not on every answer.
      get scores() {
        return (scores ??= { ...s, ...Object.fromEntries([...cues, ...sections.map((x) => [`bg:${x.section.id}`, x.score] as const)]) });
      },
    };
  };

  // "ringkasan singkat", "tl;dr": the short summary.
  const summaryCall = () => call("summary", lang, score(LEX.short, tokens, joined) >= 3 ? { length: "short" } : {});

  /** An actor is meant: their quote, the background about them, or their reaction. */
  const aboutActor = (actorId: string): Understood => {
    if (s.quote >= 3) return done("quote", call("quote", lang, { actor: actorId }));
    const reaction = s.reaction + 3 * cue("actor", actorId);
    // "Russia and Armenia?": a place the section discusses alongside this actor points at the section.
    const placeIn = (sec: BackgroundSection) => (otherPlaces.some((p) => sectionTokens(sec).has(p.text)) ? 3 : 0);
    const about = sections
      .filter((x) => x.section.actors.length === 0 || x.section.actors.includes(actorId))
      .map((x) => ({ ...x, score: x.score + placeIn(x.section) }))
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

  // 0. An errand that is not about the news ("French food in Jakarta?", "translate 'good morning'",
  // "cook Azerbaijani plov"): the names, greetings and setting words in it do not make it a question for us.
  // An off-topic object beats a news verb: "what did France say about the weather?" is not France's reaction,
  // and a setting word ("cook Azerbaijani plov") does not make it news either; only both together, or another
  // news cue, keep it a question for us.
  const newsCue = Math.max(s.quote, s.summary, s.source, s.actors, s.background, ...sections.map((x) => x.score));
  const offTopic = score(LEX.offTopic, tokens, joined) >= 3;
  if (offTopic && newsCue < 3 && (s.reaction < 3 || s.topic < 2)) return done("unknown", call("unknown", lang));

  // "menurut Prancis ...", "according to the UN ...": the one named there is whose view is asked,
  // whoever else the question mentions.
  const viewOf = accordingTo(tokens);
  if (viewOf !== undefined) {
    const holder = actors.find((a) => a.at === viewOf);
    if (holder) return aboutActor(holder.actorId);
    const place = otherPlaces.find((p) => p.at === viewOf);
    // Armenia, Azerbaijan, Ukraine are the setting: "according to Armenia" points at what the article says of them.
    if (place && !setting.has(place.code)) return done("not_found", call("reaction", lang, { actor: place.text }));
  }

  // 1. A covered actor is named; several of them asked at once get every reaction side by side.
  const first = actors[0];
  const named = new Set(actors.map((a) => a.actorId));
  // "How did Azerbaijan respond to France?": a reaction asked of a place named before the actor.
  const subject = otherPlaces[0];
  const bestBackground = Math.max(0, ...sections.map((x) => x.score)) + s.background;
  if (first && subject && subject.at < first.at && s.reaction >= 3 && s.quote < 3 && bestBackground < s.reaction) {
    return done("not_found", call("reaction", lang, { actor: subject.text }));
  }
  if (named.size >= 2 && s.quote < 3 && (bestBackground < 3 || bestBackground <= s.reaction)) {
    return done("actors", call("actors", lang));
  }
  if (first) return aboutActor(first.actorId);

  // 2. A country or organisation the article has no reaction from.
  const place = askedPlace(places, setting, tokens, s.reaction, s.topic, s.background, Math.max(0, ...sections.map((x) => x.score)));
  // "How many parties commented on Azerbaijan's operation?" asks who reacted, not Azerbaijan's reaction.
  const asksAbout = place && s.source < 3 && s.summary < 3 && (s.actors < 3 || !setting.has(place.code));
  if (asksAbout && !setting.has(place.code)) {
    return done("not_found", call("reaction", lang, { actor: place.text }));
  }

  // 3. No one named, but the question echoes one actor's words ("who called it illegal?").
  const echoed = article.actors
    .map((a) => ({ id: a.id, hits: cue("actor", a.id) }))
    .sort((a, b) => b.hits - a.hits);
  const [top, runnerUp] = echoed;
  const bestSectionHits = Math.max(0, ...article.background.map((sec) => cue("section", sec.id)));
  // "Apakah semua pihak sepakat ...?": a question about all of them, whichever one's words it echoes.
  if (top && counted(top.hits) > 0 && top.hits > (runnerUp?.hits ?? 0) && top.hits > bestSectionHits && s.actors < 3) {
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
    ["summary", s.summary, summaryCall],
    // "thanks!" gets a one-line reply, not the whole help page.
    ["help", s.help, () => call("help", lang, score(LEX.thanks, tokens, joined) >= 3 ? { reply: "thanks" } : {})],
  ];
  let winner: [Intent, number, () => CommandCall] | undefined;
  for (const c of candidates) if (c[1] >= 2 && (!winner || c[1] > winner[1])) winner = c;
  // A greeting word inside an errand ("jadwal MU malam ini", "... besok pagi?") does not make it a help request.
  if (winner?.[0] === "help" && s.help < 3 && foreign().length > 0) winner = undefined;
  if (winner) return done(winner[0], winner[2]());

  // 5. Asked who reacted without naming anyone, or asked about the story itself. A reaction asked of
  // someone about something the article never mentions ("reaksi netizen soal harga beras") is off-topic.
  if (s.reaction >= 3 && (s.topic >= 2 || foreign().length === 0)) return done("actors", call("actors", lang));
  if (s.topic >= 2) return done("summary", summaryCall());
  return done("unknown", call("unknown", lang));
}
