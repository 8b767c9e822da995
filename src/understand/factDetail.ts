import type { Article } from "../content/article.js";
import { type FactUnit, factIndex, type IndexedSentence, wordForms } from "./factIndex.js";
import { contentWords, type FactCue, type FactResult, hasFeature } from "./facts.js";
import { pointingForms, weightIn } from "./factWeights.js";

/**
 * A question with no fact cue, or whose cue found nothing, that was read as an
 * actor's reaction or a background section ("what does armenia host for
 * russia", "gmn hubungan armenia ama rusia setahun belakangan") often asks for
 * a detail that stands deep inside that part. Its detail is the sentence of
 * the part (or of another part about the same actor) holding most of the
 * question's own words. The actors' names, the story's setting and the titles
 * only say which part is meant, never which of its sentences; a section's
 * keywords say it weakly, and only for that section's sentences. A question
 * with no other word ("what's russia's role?", "apa kata Prancis?") names no
 * detail and keeps its answer.
 */

/** Question words of both languages (casual forms are mended to these before: gmn → bagaimana, hows → how is). */
const QUESTION_WORDS = new Set(
  `how what which why where when who whom whose apa apakah bagaimana gimana kenapa mengapa siapa kapan dimana mana berapa`.split(/\s+/),
);
/** English auxiliaries ask only when they open the message: "is russia eager ...?", not "russia is weak". */
const OPENING_AUXILIARIES = new Set(`is are was were does do did could can will would should has have`.split(/\s+/));

/**
 * Indonesian asks yes or no by a verb and its negation ("mau gak", "udah belum", "setuju ga?"), read here after
 * casual forms are mended (mau → ingin, gak → tidak): a modal followed by its negation, or a negation closing the message.
 */
const MODALS = new Set(`ingin mau bisa ada sudah boleh akan jadi`.split(/\s+/));
const NEGATIONS = new Set(["tidak", "belum"]);

/**
 * The verb may come between the modal and its negation ("mau ikut campur gak?", "bisa datang tidak"): a modal
 * up to this many words before the negation asks yes or no. A negation before its verb states ("tidak mau").
 */
const MODAL_REACH = 3;
function modalBefore(tokens: readonly string[], at: number): boolean {
  for (let j = Math.max(0, at - MODAL_REACH); j < at; j++) if (MODALS.has(tokens[j]!)) return true;
  return false;
}

/** Whether a message asks something: a question word, an opening auxiliary, a verb and its negation, a question mark. */
export function isQuestion(tokens: readonly string[], text: string): boolean {
  return (
    text.includes("?") ||
    tokens.some((t, i) => QUESTION_WORDS.has(t) || (NEGATIONS.has(t) && (i === tokens.length - 1 || modalBefore(tokens, i)))) ||
    OPENING_AUXILIARIES.has(tokens[0] ?? "")
  );
}

const sameUnit = (a: FactUnit, b: FactUnit) => a.kind === b.kind && a.id === b.id;

/** The part and every other part about the same actors: an actor's reaction and the sections about them. */
export function partsAbout(article: Article, unit: FactUnit): FactUnit[] {
  const actors = unit.kind === "actor" ? [unit.id] : (article.background.find((s) => s.id === unit.id)?.actors ?? []);
  const parts: FactUnit[] = [
    unit,
    ...actors.map((id): FactUnit => ({ kind: "actor", id })),
    ...article.background.filter((s) => s.actors.some((a) => actors.includes(a))).map((s): FactUnit => ({ kind: "section", id: s.id })),
  ];
  return parts.filter((p, i) => parts.findIndex((q) => sameUnit(p, q)) === i);
}

/** A word's forms, without the concepts (near-synonyms): identity is the word itself, not its neighbours. */
const literalForms = (word: string) => wordForms(word).filter((f) => !f.startsWith("@"));

const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** A phrase of the article's own (a title word, a keyword): each of its words as its literal forms. */
type Phrase = ReadonlyArray<readonly string[]>;

/**
 * What findDetail reads of an article that no question changes, built once per article (a reload brings new
 * Article objects): answering then costs the question's own words, not the article's titles and names again.
 */
interface DetailTables {
  /** Every literal form of the names the article uses (actors, setting, title names). */
  nameForms: ReadonlySet<string>;
  /** The article's title words, each a phrase of one word. */
  titlePhrases: readonly Phrase[];
  sections: ReadonlyMap<string, { titlePhrases: readonly Phrase[]; keywordPhrases: readonly Phrase[]; titleForms: ReadonlySet<string> }>;
  /** A part's sentences, in article order, by `kind:id`. */
  sentencesOf: ReadonlyMap<string, readonly IndexedSentence[]>;
  /** Each sentence's position in the article. */
  order: ReadonlyMap<IndexedSentence, number>;
}
const tables = new WeakMap<Article, DetailTables>();
const unitKey = (u: FactUnit) => `${u.kind}:${u.id}`;
const oneWordPhrases = (texts: string[]): Phrase[] => texts.flatMap(wordsOf).map((w) => [literalForms(w)]);

function detailTables(article: Article): DetailTables {
  let t = tables.get(article);
  if (t) return t;
  const idx = factIndex(article);
  const sentencesOf = new Map<string, IndexedSentence[]>();
  for (const s of idx.sentences) {
    if (!s.unit) continue;
    const key = unitKey(s.unit);
    sentencesOf.set(key, [...(sentencesOf.get(key) ?? []), s]);
  }
  t = {
    nameForms: new Set([...idx.names].flatMap(literalForms)),
    titlePhrases: oneWordPhrases([article.title.id, article.title.en]),
    sections: new Map(
      article.background.map((s) => [
        s.id,
        {
          titlePhrases: oneWordPhrases([s.title.id, s.title.en]),
          keywordPhrases: [...s.keywords.id, ...s.keywords.en].map((k) => wordsOf(k).map(literalForms)),
          titleForms: new Set(contentWords([s.title.id, s.title.en].flatMap(wordsOf)).flatMap(literalForms)),
        },
      ]),
    ),
    sentencesOf,
    order: new Map(idx.sentences.map((s, i) => [s, i])),
  };
  tables.set(article, t);
  return t;
}

/**
 * The question's words that name the story or the part. The article's and the sections' titles ("operasi militer",
 * "peran") name the story: they never point at a sentence. A section's keywords name the section, and where its text
 * holds them ("hubungan", "prestige", "base") they also say which of its sentences is meant, more weakly than a
 * distinctive word. A phrase counts only when the question holds all of its words ("perang tahun 2020" makes no
 * "setahun" a keyword).
 */
interface Identity {
  story: ReadonlySet<string>;
  /** Per section id, the question's words among its keywords (title words aside). */
  keywords: ReadonlyMap<string, ReadonlySet<string>>;
}

function identityWords(t: DetailTables, parts: readonly FactUnit[], words: readonly string[]): Identity {
  // Which of the question's words each literal form stands for.
  const wordsOfForm = new Map<string, string[]>();
  for (const w of words) for (const f of literalForms(w)) wordsOfForm.set(f, [...(wordsOfForm.get(f) ?? []), w]);
  // Most phrases miss a word at once: checked before anything is gathered (every question meets every phrase).
  const held = (forms: readonly string[]) => forms.some((f) => wordsOfForm.has(f));
  const check = (into: Set<string>) => (phrase: Phrase) => {
    if (!phrase.every(held)) return;
    for (const forms of phrase) for (const f of forms) for (const w of wordsOfForm.get(f) ?? []) into.add(w);
  };
  const story = new Set<string>();
  t.titlePhrases.forEach(check(story));
  const sections = parts.flatMap((p) => (p.kind === "section" && t.sections.has(p.id) ? [[p.id, t.sections.get(p.id)!] as const] : []));
  for (const [, section] of sections) section.titlePhrases.forEach(check(story));
  const keywords = new Map<string, Set<string>>();
  for (const [id, section] of sections) {
    const held = new Set<string>();
    section.keywordPhrases.forEach(check(held));
    keywords.set(id, new Set([...held].filter((w) => !story.has(w))));
  }
  return { story, keywords };
}

/** Whether a word is one of the title's own of the section `unit` is ("peran" of "Apa Peran Rusia?", also "perannya"). */
function namesTitle(t: DetailTables, unit: FactUnit, word: string): boolean {
  const section = unit.kind === "section" ? t.sections.get(unit.id) : undefined;
  return section !== undefined && literalForms(word).some((f) => section.titleForms.has(f));
}

/** A sentence must hold at least this share of the question's words that the parts searched use. */
const MIN_SHARE = 0.5;
/** How much a section keyword the section's text holds counts against a word that names no part. */
const KEYWORD_WEIGHT = 0.5;
/** Breaks a tie in favour of the part the question was read as. */
const HOME_BONUS = 0.05;

/**
 * The sentence of `parts` holding most of the question's words, or `found: false` when the question has none these
 * parts use, names the section's title, or no sentence holds most of them. With a strict cue (`count`, `time`,
 * `activity`) only a sentence showing it answers: "kapan ...?" is not answered by a sentence with no date in it.
 */
export function findDetail(article: Article, tokens: readonly string[], parts: readonly FactUnit[], cue?: FactCue): FactResult {
  const idx = factIndex(article);
  const t = detailTables(article);
  const content = contentWords(tokens);
  const isName = (w: string) => literalForms(w).some((f) => t.nameForms.has(f));
  const { story, keywords } = identityWords(t, parts, content);
  const keywordWords = new Set<string>();
  for (const set of keywords.values()) for (const w of set) keywordWords.add(w);
  const distinctive = content.filter((w) => !isName(w) && !story.has(w) && !keywordWords.has(w));
  const notFound = { found: false as const, missing: [], newsFact: false, asked: distinctive, aboutStory: true };
  // A question naming the section's own title ("peran Rusia di konflik ini apa?", "what role does Russia play in the
  // conflict?") asks for the section as a whole: its other words are the story's, not one sentence's.
  if (content.some((w) => !isName(w) && namesTitle(t, parts[0]!, w))) return notFound;
  const asked = content.filter((w) => !isName(w) && !story.has(w));
  // Each word's pointing forms and their weights, once per question rather than once per sentence.
  const pointers = new Map(
    asked.map((word) => [word, pointingForms(idx, word).map(([f, w]) => [f, (keywordWords.has(word) ? KEYWORD_WEIGHT : 1) * w] as const)]),
  );
  const weight = (word: string, s: IndexedSentence) => {
    // A section's keyword is evidence for that section's sentences only.
    if (keywordWords.has(word) && !(s.unit?.kind === "section" && keywords.get(s.unit.id)?.has(word))) return 0;
    return weightIn(pointers.get(word)!, s.forms);
  };
  // In article order, as ties go to the earlier sentence.
  const inParts = parts.length === 1 ? (t.sentencesOf.get(unitKey(parts[0]!)) ?? []) : parts.flatMap((p) => t.sentencesOf.get(unitKey(p)) ?? []).sort((a, b) => t.order.get(a)! - t.order.get(b)!);
  const scope = cue ? inParts.filter((s) => hasFeature(s, cue)) : inParts;
  // A keyword the parts use in more than one sentence ("pasukan": the peacekeepers run through the story) says which
  // part is meant, not which of its sentences.
  const inOneSentence = (w: string) => {
    let holding = 0;
    for (const s of inParts) for (const [f] of pointers.get(w)!) if (s.forms.has(f)) { holding++; break; }
    return holding === 1;
  };
  // A reader's word these parts never use cannot point at one of their sentences: no evidence for or against one.
  const usable = asked.filter((w) => scope.some((s) => weight(w, s) > 0) && (!keywordWords.has(w) || inOneSentence(w)));
  if (usable.length === 0) return notFound;
  let best: { s: IndexedSentence; score: number } | undefined;
  for (const s of scope) {
    let matched = 0;
    let sum = 0;
    for (const w of usable) {
      const weighed = weight(w, s);
      if (weighed > 0) {
        matched++;
        sum += weighed;
      }
    }
    const share = matched / usable.length;
    if (matched === 0 || share < MIN_SHARE) continue;
    // The part the question was read as wins a tie with another part about the same actor.
    const home = sameUnit(parts[0]!, s.unit!) ? HOME_BONUS : 0;
    // A sentence holding more of the question's words answers more of it ("is Russia keen to get involved in the new
    // war?": the sentence on getting involved in the new conflict, not the one on the new fighting alone).
    const score = sum * share + home;
    // Strictly greater: the first of equals wins, as a stable sort would keep it.
    if (score > 0 && (!best || score > best.score)) best = { s, score };
  }
  // The opening sentence of the part already meant is where its answer begins: leading with it would only repeat it.
  const opening = t.sentencesOf.get(unitKey(parts[0]!))?.[0];
  if (!best || best.s === opening) return notFound;
  return { found: true, sentences: [best.s], ...(best.s.unit ? { unit: best.s.unit } : {}), focus: usable };
}
