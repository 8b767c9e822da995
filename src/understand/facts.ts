import type { Article } from "../content/article.js";
import { type FactIndex, type FactSentence, type FactUnit, factIndex, type IndexedSentence, wordForms } from "./factIndex.js";
import { actorNameWords } from "./actorNames.js";
import { formWeight } from "./factWeights.js";
import { LEX, wordScore } from "./scores.js";
import { STOP_WORD_SET } from "./language.js";
import { PLACES } from "./places.js";
import { settingOf } from "./setting.js";

/**
 * Fact questions answered with the article's own sentences. Every sentence of
 * original.txt is indexed once per article (its words with Indonesian affixes
 * reduced, the words of our English rendering, a few concepts shared by
 * near-synonyms), with the part of the article it belongs to (an actor's
 * reaction or a background section). A question is matched by the weight of
 * the words it shares with a sentence; the words that name the thing asked
 * about must all be there, and a "how many" needs a number, a "when" a date.
 * No model, no I/O.
 */

/** What kind of fact a question asks for. */
export type FactCue = "count" | "size" | "time" | "place" | "person" | "activity" | "deed" | "reason" | "object";

/**
 * At most this many sentences are read closely per question, so the cost of a question does not grow
 * with the length of original.txt. A news article has far fewer; only a very long text is cut.
 */
const MAX_CANDIDATES = 256;

/**
 * The sentences that can answer: with words to match, only those holding a form of one of them (any
 * other scores 0 below), the rarest word's first, in article order so ties break as before; without,
 * every sentence (up to the cap).
 */
function candidates(idx: FactIndex, keys: readonly string[]): readonly IndexedSentence[] {
  if (keys.length === 0) return idx.sentences.slice(0, MAX_CANDIDATES);
  // Rarest key first. The lists are walked in place, never copied: a common word of a long original.txt is in
  // thousands of sentences, and copying its list per question would make the cost grow with the text.
  const postings = keys
    .map((key) => wordForms(key).map((form) => idx.byForm.get(form) ?? []))
    .map((lists) => ({ lists, size: lists.reduce((n, l) => n + l.length, 0) }))
    .sort((a, b) => a.size - b.size);
  const positions = new Set<number>();
  walk: for (const { lists } of postings) {
    for (const list of lists) {
      for (const p of list) {
        if (positions.size >= MAX_CANDIDATES) break walk;
        positions.add(p);
      }
    }
  }
  return [...positions].sort((a, b) => a - b).map((p) => idx.sentences[p]!);
}

/**
 * The message's content words the article never uses (stop words, cue words
 * and names aside): "netizen", "beras", "tesla". A question built on them is
 * about something else, whatever reaction or greeting words come with it.
 */
export function foreignWords(article: Article, tokens: readonly string[], known: (word: string) => boolean): string[] {
  const idx = factIndex(article);
  return tokens.filter(
    (t) => t.length >= 3 && !/^\d+$/.test(t) && !known(t) && !idx.names.has(t) && !wordForms(t).some((f) => idx.vocabulary.has(f)),
  );
}

/** The word "what kind of X?", "which X?", "jenis X apa?" asks to specify, when it is one of the words to match. */
function specified(tokens: readonly string[], keys: readonly string[]): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next =
      ["kind", "type", "sort"].includes(t) && tokens[i + 1] === "of"
        ? tokens[i + 2]
        : ["which", "jenis", "macam"].includes(t)
          ? tokens[i + 1]
          : undefined;
    if (next && keys.includes(next)) return next;
  }
  return undefined;
}

/** The places of the story's setting a question names, by their code ("tentara azerbaijan" names AZ). */
function settingPlacesAsked(article: Article, words: readonly string[]): string[] {
  const { places } = settingOf(article);
  // Read from lower-case tokens: names that are also everyday words or acronyms (Baku, US) need the typed case, so are left out.
  const codes = words.map((w) => PLACES.get(w)).flatMap((p) => (p && !p.capitalized && !p.caseSensitive && places.has(p.code) ? [p.code] : []));
  return [...new Set(codes)];
}

const CUE_PHRASES: Array<[RegExp, FactCue]> = [
  [/ (kapan|when|(what|which) (day|date|year|month)|tanggal berapa|hari apa|tahun berapa|bulan apa|pada hari|sejak kapan|since when) /, "time"],
  [/ (berapa|how many|how much|jumlah|number of|berapa banyak) /, "count"],
  // "how big is the mission?": answered by a number when the article gives one, else by the part, as any question.
  [/ (how big|how large|seberapa besar|berapa besar) /, "size"],
  [/ (dimana|di mana|where|ke mana|kemana) /, "place"],
  // An action under way ("what are the peacekeepers doing?") must be answered by one.
  [/ (apa yang sedang|sedang apa|lagi apa|sedang melakukan|lagi melakukan|what (is|are|was|were) [a-z ]*doing) /, "activity"],
  // "buat apa?", "untuk ngapain?" (what for): a purpose, told as a reason is ("... untuk membuka jalan"), not a deed.
  [/ (buat|untuk) apa /, "reason"],
  // A deed ("apa yang dilakukan X?", "what did X do?") may be done or under way: an action under way is only likelier.
  // Indonesian says "do" with several verbs, passive or with the doer before it: "apa yang dikerjakan X?", "apa yang X lakukan?".
  [/ (apa yang (?:[a-z]+ ){0,3}?(?:di|me|meng)?(?:lakukan|kerja(?:kan)?|perbuat)|apa melakukan|what did [a-z ]* do|what do [a-z ]* do|what does [a-z ]* do|what has [a-z ]* done|what have [a-z ]* done) /, "deed"],
  [/ (kenapa|mengapa|why|alasan|karena apa|for what reason) /, "reason"],
  [/ (siapa|who|whom|whose) /, "person"],
  // "PBB minta ketaatan terhadap prinsip apa?", "what war did Russia help end?": a thing named in one sentence.
  [/ (apa|what|which) /, "object"],
];

/** Words of a fact question that only say what kind of fact is asked. */
export const CUE_WORDS: ReadonlySet<string> = new Set(
  `berapa jumlah banyak how many much number kapan when day date year tanggal hari tahun dimana mana where kemana
  dilakukan dikerjakan diperbuat lakukan kerjakan perbuat melakukan mengerjakan sedang lagi doing do does did tugasnya tugas kenapa mengapa why alasan reason siapa who whom whose apa what
  kata say said says tell told bilang mengatakan according menurut there since sejak kind type sort jenis macam big large else`.split(/\s+/),
);

/** Verbs that carry tense or change, not the thing asked ("getting worse", "menjadi lebih buruk"). */
const LIGHT_VERBS = new Set(`get gets getting got gotten become becomes becoming became menjadi jadi`.split(/\s+/));

/** Cues a sentence must show to answer at all: a number, a date, an action under way. They may lead to another part. */
const STRICT = new Set<FactCue>(["count", "size", "time", "activity"]);
/** Cues precise enough to look past the part the question was read as: those above, and a deed ("apa yang dilakukan X?"). */
const ACROSS_PARTS = new Set<FactCue>([...STRICT, "deed"]);

export function hasFeature(s: IndexedSentence, cue: FactCue): boolean {
  if (cue === "count" || cue === "size") return s.hasNumber;
  if (cue === "time") return s.hasTime;
  if (cue === "activity") return s.hasActivity;
  return true;
}

/** The kind of fact a question asks for, or undefined when it asks for none. */
export function factCue(tokens: readonly string[]): FactCue | undefined {
  const joined = ` ${tokens.join(" ")} `;
  return CUE_PHRASES.find(([re]) => re.test(joined))?.[1];
}

/**
 * Words naming the facts a news report holds (deaths, meetings, sanctions,
 * refugees, ...): asked about and absent from the article, the article does
 * not hold the fact. Other absent words ("football", "bitcoin") leave the
 * question off-topic instead.
 */
const NEWS_FACT_WORDS = new Set(
  `died die dead death deaths killed kill casualties casualty injured wounded victims tewas meninggal korban luka terluka mati
  pertemuan meeting meetings meet bertemu talks perundingan negosiasi negotiation negotiations summit ktt sanksi sanction sanctions
  refugees refugee pengungsi displaced mengungsi agreement kesepakatan perjanjian treaty vote voting resolution resolusi
  damage kerusakan cost biaya weapons weapon senjata invasion soldiers tentara budget anggaran hostages sandera arrested ditangkap
  prisoners tahanan injuries wounded destroyed hancur ditutup closed closure penutupan negotiator mediator mediation mediasi berlangsung lasted duration`.split(/\s+/),
);
/** Offices ("siapa presiden azerbaijan?"): a fact of this story only when the question names the story's places or parties. */
const OFFICE_WORDS = new Set(`president presiden prime perdana pm king raja`.split(/\s+/));

/**
 * The words of a question naming a news fact the article never reports ("sanctions" in "did the EU announce
 * sanctions?"), or none: asked yes or no, with no cue word, the answer is still that the article does not hold it.
 */
export function missingNewsFacts(article: Article, tokens: readonly string[]): string[] {
  // Most questions name no news fact at all: nothing else to read then.
  if (!tokens.some((t) => NEWS_FACT_WORDS.has(t))) return [];
  const missing = wordsNotInArticle(article, tokens);
  return missing.some((w) => NEWS_FACT_WORDS.has(w)) ? missing : [];
}

/** The question's content words the article never uses, in any form (names of the story aside). */
export function wordsNotInArticle(article: Article, tokens: readonly string[]): string[] {
  const idx = factIndex(article);
  return contentWords(tokens).filter((t) => !idx.names.has(t) && !wordForms(t).some((f) => idx.vocabulary.has(f)));
}

/**
 * The words of a question that can name the thing asked: no function words, cue words, light verbs or numbers.
 * Words of saying and condemning ask about a reaction, not for a fact: never "the thing asked about".
 */
/** Phrases of time that name no fact of their own: "so far" is not a thing asked about ("died far"). */
const TIME_PHRASES: readonly (readonly string[])[] = [
  ["so", "far"],
  ["up", "to", "now"],
  ["sejauh", "ini"],
  ["sampai", "sekarang"],
  ["hingga", "kini"],
];

function withoutTimePhrases(tokens: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const phrase = TIME_PHRASES.find((p) => p.every((w, j) => tokens[i + j] === w));
    if (phrase) i += phrase.length - 1;
    else kept.push(tokens[i]!);
  }
  return kept;
}

export function contentWords(tokens: readonly string[]): string[] {
  return [...new Set(withoutTimePhrases(tokens))].filter(
    (t) => t.length >= 3 && !STOP_WORD_SET.has(t) && !CUE_WORDS.has(t) && !LIGHT_VERBS.has(t) && !/^\d+$/.test(t) && wordScore(LEX.reaction, t) === 0,
  );
}

export type FactResult =
  /** `focus`: the question's words, for cutting a long sentence to the clause that holds them (factExcerpt.ts). */
  | { found: true; sentences: FactSentence[]; unit?: FactUnit; focus: string[] }
  /**
   * `missing`: the words naming the thing asked about that the article never uses;
   * `newsFact`: one of them names a fact a news report would hold (deaths, a meeting).
   */
  | { found: false; missing: string[]; newsFact: boolean; asked: string[]; aboutStory: boolean };

/**
 * The article's sentences that answer a fact question. `found: false` with
 * `missing` words means the article does not hold the fact at all; with no
 * missing words it may hold it, but no sentence answers it clearly.
 */
export function findFact(
  article: Article,
  tokens: readonly string[],
  cue: FactCue,
  actorIds: readonly string[] = [],
  /**
   * `preferred`: the part the question was read as (its sentences score higher); `also`: other parts that may
   * hold the fact as well. A loose cue (who, where, what) looks only inside these parts, when there are any.
   */
  parts: { preferred?: FactUnit; also?: readonly FactUnit[] } = {},
): FactResult {
  const { preferred, also = [] } = parts;
  const idx = factIndex(article);
  // A question naming an actor asks about that actor: only sentences from its part, or that name it, answer it.
  const named = article.actors.filter((a) => actorIds.includes(a.id));
  const aliasForms = named.map(actorNameWords);
  // A sentence of the part already meant (a section about the named actor) is about them too.
  const isIn = (s: IndexedSentence, unit: FactUnit) => s.unit?.kind === unit.kind && s.unit.id === unit.id;
  const inPreferred = (s: IndexedSentence) => preferred !== undefined && isIn(s, preferred);
  const inPart = (s: IndexedSentence) => inPreferred(s) || also.some((unit) => isIn(s, unit));
  const aboutNamed = (s: IndexedSentence) =>
    named.length === 0 ||
    named.some((a, i) => s.unit?.id === a.id || [...aliasForms[i]!].some((w) => s.forms.has(w)));
  const content = contentWords(tokens);
  const missing = content.filter((t) => !idx.names.has(t) && !wordForms(t).some((f) => idx.vocabulary.has(f)));
  const aboutStory = content.some((t) => idx.names.has(t));
  const newsFact = missing.some((w) => NEWS_FACT_WORDS.has(w) || (aboutStory && OFFICE_WORDS.has(w)));
  const notFound = { found: false as const, missing, newsFact, asked: content.filter((t) => !idx.names.has(t)), aboutStory };
  // The thing asked about is a fact the article never reports: no other word of the question may stand in for it.
  if (newsFact) return notFound;
  // Words the article never uses cannot be matched; the rest still find the sentence ("why is Armenia mad at the peacekeepers?").
  const keys = content.filter((t) => !idx.names.has(t) && !missing.includes(t));
  const setting = settingPlacesAsked(article, content);
  // Every form of the word counts here, short bases too (findDetail and placeDeed count only pointing forms).
  const matchWeight = (word: string, s: IndexedSentence) => Math.max(0, ...wordForms(word).filter((f) => s.forms.has(f)).map((f) => formWeight(idx, f)));
  // The named actor's own names say whose part it is (aboutNamed): they add nothing to a sentence already in it.
  const namedWords = new Set(aliasForms.flatMap((set) => [...set]));
  const weighed = content.filter((w) => !namedWords.has(w));
  // "Apa yang dilakukan X?": a sentence whose action is under way, or that opens with the one asked about ("Kementerian
  // Luar Negeri Rusia juga menyerukan ..."), tells what X does; one that merely names X ("Armenia mengkritik pasukan ...") does not.
  const opensWithAsked = (s: IndexedSentence) => s.openings.some((first) => namedWords.has(first) || content.includes(first));
  // The asked one's own quoted words ("“Kami mendesak …,” kata kementerian itu") tell what it does, in the first person.
  const ownWords = (s: IndexedSentence) => /^[“"]/.test(s.text) && named.some((a) => s.unit?.kind === "actor" && s.unit.id === a.id);
  const head = specified(tokens, keys);
  const scored = candidates(idx, keys)
    .filter((s) => hasFeature(s, cue) && (aboutNamed(s) || inPart(s)))
    // A loose cue (who, where, why) stays inside the part the question was read as, when it was read as one.
    .filter((s) => ACROSS_PARTS.has(cue) || (!preferred && also.length === 0) || inPart(s))
    .map((s) => {
      // The words naming the thing asked about must be in the sentence (most of them: one may be phrased otherwise),
      // and so must the places of the setting the question names ("tentara Azerbaijan" is not Russia's mission).
      const matched = keys.filter((k) => matchWeight(k, s) > 0).length;
      if (keys.length > 0 && (matched === 0 || matched / keys.length < 0.6)) return { s, score: 0 };
      // A bare "apa"/"what" needs two of the question's words in the sentence: one shared word is a topic, not an answer;
      // inside the part already meant, the word a "what kind of X?" / "X jenis apa?" asks to specify is enough.
      if (cue === "object" && matched < 2 && !(head && matchWeight(head, s) > 0 && inPart(s))) return { s, score: 0 };
      if (!setting.every((code) => s.places.has(code))) return { s, score: 0 };
      let score = weighed.reduce((sum, w) => sum + matchWeight(w, s), 0);
      if ((cue === "place" && s.hasPlace) || (cue === "reason" && s.hasReason)) score += 0.5;
      // "Who ...?": a sentence naming someone the question does not.
      if (cue === "person" && s.people.some((p) => !p.every((w) => tokens.includes(w)))) score += 1;
      // The part the question was already read as is the likelier home of the fact.
      if (inPreferred(s)) score += 1;
      return { s, score, acts: cue === "deed" && (s.hasActivity || opensWithAsked(s) || ownWords(s)) };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  // A deed is told by a sentence where someone acts, when the article has one for it.
  if (cue === "deed" && scored.some((x) => x.acts)) scored.splice(0, scored.length, ...scored.filter((x) => x.acts));
  const best = scored[0];
  // A name alone ("how many Russians?") is too little to point at one sentence.
  if (!best || (keys.length === 0 && best.score < 1.5)) return notFound;
  const picked = scored.filter((x) => x.score >= best.score * 0.9 && x.s.unit?.id === best.s.unit?.id).slice(0, 2).map((x) => x.s);
  return { found: true, sentences: picked, ...(best.s.unit ? { unit: best.s.unit } : {}), focus: content };
}
