import type { Article } from "../content/article.js";
import { findDetail, isQuestion, partsAbout } from "./factDetail.js";
import { encodeFocus } from "./factExcerpt.js";
import { type FactCue, type FactResult, factCue, findFact, missingNewsFacts, wordsNotInArticle } from "./facts.js";
import { placeDeed } from "./placeDeeds.js";
import { call, type Intent, type Understood } from "./understood.js";

/**
 * After a question is read as a kind of answer, the fact it asks for: the
 * call gains the article's sentence that holds it (`fact`, `focus`), or becomes
 * "the article does not hold that" when it names a fact the article never reports.
 */

/** Kinds a fact question may have been read as before its fact is looked up. */
const FACT_KINDS = new Set<Intent>(["reaction", "background", "summary", "unknown", "help"]);
/** Words that put a question in the future ("akan", "will", "berikutnya", "minggu depan"). */
const FUTURE_WORDS = new Set(`akan will nanti next berikutnya selanjutnya mendatang upcoming depan`.split(/\s+/));
/** Words that ask for a plan ("planned", "dijadwalkan"): a plan of the story, when what is planned is a news fact. */
const PLAN_WORDS = new Set(`planned plan plans scheduled schedule rencana direncanakan berencana dijadwalkan jadwal`.split(/\s+/));
/** A sentence telling of something ahead: what will, could or is to happen. */
const AHEAD = /\b(akan|bakal|nanti|berikutnya|mendatang|will|could|next|upcoming|bisa)\b/i;
/** Spans of the calendar a plan is dated by ("next month", "minggu depan", "besok"); not "tahun", which the story uses. */
const CALENDAR_WORDS = new Set(`week weeks month months tomorrow weekend besok lusa minggu bulan pekan`.split(/\s+/));
/** A future word and a span of the calendar: a plan dated ahead. */
const datedAhead = (tokens: readonly string[]) =>
  tokens.some((t) => FUTURE_WORDS.has(t) || t === "tomorrow" || t === "besok" || t === "lusa") && tokens.some((t) => CALENDAR_WORDS.has(t));
/** Kinds that say a message is about the story, without any fact cue in it. */
const ABOUT_STORY = new Set<Intent>(["reaction", "background", "summary"]);

/**
 * A question asking for one fact (how many, when, where, who, what … doing,
 * why) is answered with the article's sentence that holds it, under the part
 * it comes from; when the article never uses the words naming the thing
 * asked ("how many people died?"), the answer says so and lists what it covers.
 */
export function withFact(u: Understood, tokens: readonly string[], article: Article, text = ""): Understood {
  // No reaction from a place of the setting, but a sentence telling what it does ("what did Armenia criticise?").
  if (u.intent === "not_found" && u.call.command === "reaction" && u.call.args.actor) {
    const deed = placeDeed(article, tokens, u.call.args.actor);
    return deed ? answered(u, { found: true, sentences: [deed.sentence], unit: deed.unit, focus: deed.focus }, "object") : u;
  }
  const cue = factCue(tokens);
  if (u.call.args.length === "short") return u;
  // A question with no fact cue, or whose cue finds nothing, may still ask for a detail of the part it was read as.
  const detail = () => (isQuestion(tokens, text) ? withDetail(u, tokens, article, cue) : u);
  if (!cue) {
    // "did the EU announce sanctions?": asked yes or no about a news fact the article never reports.
    // "are there peace talks planned for next week?" names no party of the story, yet asks for a plan of it.
    const aboutStory = ABOUT_STORY.has(u.intent) || (u.intent === "unknown" && tokens.some((t) => FUTURE_WORDS.has(t) || PLAN_WORDS.has(t)));
    const missing = aboutStory && isQuestion(tokens, text) ? missingNewsFacts(article, tokens) : [];
    if (missing.length > 0) return { ...u, intent: "not_found", call: call("actors", u.lang, { missing: missing.join(" ") }) };
    // "will the peacekeepers leave next month?": a plan dated ahead, asked with a word the article never uses.
    const unplanned = ABOUT_STORY.has(u.intent) && datedAhead(tokens) && isQuestion(tokens, text) ? wordsNotInArticle(article, tokens).filter((w) => !CALENDAR_WORDS.has(w)) : [];
    if (unplanned.length > 0) return { ...u, intent: "not_found", call: call("actors", u.lang, { missing: unplanned.join(" ") }) };
    return detail();
  }
  if (!FACT_KINDS.has(u.intent)) return u;
  const { lang, call: asked } = u;
  const section = asked.command === "background" ? article.background.find((s) => s.id === asked.args.topic) : undefined;
  const named = asked.args.actor ? [asked.args.actor] : (section?.actors ?? []);
  const preferred = asked.args.actor
    ? ({ kind: "actor", id: asked.args.actor } as const)
    : section
      ? ({ kind: "section", id: section.id } as const)
      : undefined;
  // Read as a reaction only because an actor is named (no word of saying or reacting in it): that reading is a guess,
  // so the actor's reaction is not preferred over the sections about them ("What war did Russia help end?").
  const byDefault = u.intent === "reaction" && (u.scores.reaction ?? 0) <= 0 && (u.scores.quote ?? 0) <= 0;
  const parts =
    byDefault && preferred
      ? { also: [preferred, ...article.background.filter((s) => s.actors.includes(asked.args.actor ?? "")).map((s) => ({ kind: "section", id: s.id }) as const)] }
      : { ...(preferred ? { preferred } : {}) };
  const found = findFact(article, tokens, cue, named, parts);
  // "kapan gencatan senjata baru akan diumumkan?": a plan asked with a word the article never uses is not answered by
  // a sentence dated before it (the 2020 ceasefire); only one telling of something ahead ("akan", "could") may answer.
  const unplanned = planNotHeld(u, tokens, article, cue, found);
  if (unplanned) return unplanned;
  // "what"/"apa" is in most questions: it only looks for a sentence inside the part already meant.
  const unitOnly = cue === "object" || u.intent === "help";
  if (found.found && found.unit && (!unitOnly || preferred || byDefault)) return answered(u, found, cue);
  // Not in the article: a news fact it does not report ("how many people died?", "kapan pertemuan berikutnya?",
  // "how many Russian peacekeepers died?"). Other words it lacks may be its facts phrased otherwise: no claim then.
  if (found.found) return u;
  // "how many/much ...?" with no sentence giving a number for it: the article does not hold that number.
  // Only for a question about the story: "harga bitcoin berapa?" stays off-topic.
  const about = u.intent === "reaction" || u.intent === "background" || found.aboutStory;
  const noCount = cue === "count" && found.asked.length > 0 && about;
  // "kapan X akan ditarik?", "when will X be withdrawn?": a plan asked with a word the article never uses. A report
  // tells what happened and was said; a plan it does not state it does not hold.
  const noPlan = cue === "time" && tokens.some((t) => FUTURE_WORDS.has(t)) && found.missing.length > 0 && about;
  if (!found.newsFact && !noCount && !noPlan) return detail();
  const missing = found.missing.length > 0 ? found.missing : found.asked;
  return { ...u, intent: "not_found", call: call("actors", lang, { missing: missing.join(" ") }) };
}


/**
 * "kapan gencatan senjata baru akan diumumkan?": a plan asked with a word the article never uses is not answered by
 * a sentence dated before it (the 2020 ceasefire); only one telling of something ahead ("akan", "could") may answer.
 */
function planNotHeld(u: Understood, tokens: readonly string[], article: Article, cue: FactCue | undefined, found: FactResult): Understood | undefined {
  if (!found.found || cue !== "time" || !tokens.some((t) => FUTURE_WORDS.has(t))) return undefined;
  if (found.sentences.some((s) => AHEAD.test(`${s.text} ${s.en ?? ""}`))) return undefined;
  const absent = wordsNotInArticle(article, tokens);
  return absent.length > 0 ? { ...u, intent: "not_found", call: call("actors", u.lang, { missing: absent.join(" ") }) } : undefined;
}

/** The call answering with the sentences found, under the part they belong to. */
function answered(u: Understood, found: FactResult & { found: true }, cue: FactCue): Understood {
  const fact = { fact: found.sentences.map((s) => s.ref).join(","), focus: encodeFocus(cue, found.focus) };
  if (!found.unit) return u;
  return found.unit.kind === "actor"
    ? { ...u, intent: "reaction", call: call("reaction", u.lang, { actor: found.unit.id, ...fact }) }
    : { ...u, intent: "background", call: call("background", u.lang, { topic: found.unit.id, ...fact }) };
}

/**
 * A question read as an actor's reaction or a background section, whose own distinctive words stand in one
 * sentence of that part or of another part about the same actor (factDetail.ts): that sentence leads the answer.
 */
function withDetail(u: Understood, tokens: readonly string[], article: Article, cue: FactCue | undefined): Understood {
  const { actor, topic } = u.call.args;
  const unit =
    u.intent === "reaction" && actor && article.actors.some((a) => a.id === actor)
      ? ({ kind: "actor", id: actor } as const)
      : u.intent === "background" && topic && article.background.some((s) => s.id === topic)
        ? ({ kind: "section", id: topic } as const)
        : undefined;
  if (!unit || u.call.args.fact) return u;
  const found = findDetail(article, tokens, partsAbout(article, unit), cue);
  if (!found.found) return u;
  const unplanned = planNotHeld(u, tokens, article, cue, found);
  if (unplanned) return unplanned;
  // The part stays the one the question was read as: the detail (maybe from another part about the same actor) leads it.
  // "object": a thing named in the sentence; the excerpt of a long one opens at the clause holding the question's words.
  return answered(u, { ...found, unit }, "object");
}
