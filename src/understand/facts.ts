import { type Article, paragraphsOf } from "../content/article.js";
import { indonesianForms } from "./affixes.js";
import { englishBases } from "./dictionary.js";
import { STOP_WORD_SET } from "./language.js";
import { tokenize } from "./normalize.js";
import { LEX, score } from "./scores.js";

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
export type FactCue = "count" | "time" | "place" | "person" | "activity" | "reason" | "object";

export type FactUnit = { kind: "actor"; id: string } | { kind: "section"; id: string };

export interface FactSentence {
  /** "p.s": paragraph and sentence index, for a call's `fact` argument. */
  ref: string;
  /** The article's sentence, verbatim. */
  text: string;
  /** Our English rendering of it: the sentence's when the paragraph's sentences align, else the whole paragraph's. */
  en?: string;
  unit?: FactUnit;
}

interface IndexedSentence extends FactSentence {
  forms: ReadonlySet<string>;
  hasNumber: boolean;
  hasTime: boolean;
  hasPlace: boolean;
  hasActivity: boolean;
  hasReason: boolean;
  /** People named in the sentence ("Stephane Dujarric"), as lower-case words. */
  people: string[][];
}

interface FactIndex {
  sentences: IndexedSentence[];
  byRef: Map<string, IndexedSentence>;
  /** How many sentences hold each form, for weighting rare words higher. */
  df: Map<string, number>;
  /**
   * The positions (in `sentences`) of the sentences holding each form: a question whose words must
   * appear in its answer reads only those, so its cost follows its words, not the length of original.txt.
   */
  byForm: Map<string, number[]>;
  /** Every form of every word the article's files hold (both languages): a word outside it is not in the article. */
  vocabulary: ReadonlySet<string>;
  /** Words that name someone or something of the story (actors, places of the setting): never the thing asked. */
  names: ReadonlySet<string>;
}

/** Near-synonyms within and across the two languages, each group one concept. */
const CONCEPTS: string[][] = [
  ["troops", "troop", "soldiers", "soldier", "forces", "personnel", "pasukan", "tentara", "prajurit", "personel", "peacekeepers", "peacekeeper", "peacekeeping", "mission", "misi"],
  ["died", "die", "dead", "death", "deaths", "killed", "kill", "tewas", "meninggal", "mati", "wafat"],
  ["casualties", "casualty", "victims", "victim", "korban"],
  ["evacuate", "evacuating", "evacuated", "evacuation", "evakuasi", "mengevakuasi", "dievakuasi"],
  ["aid", "help", "assistance", "bantuan", "membantu", "memberikan"],
  ["stop", "halt", "end", "cease", "henti", "hentikan", "dihentikan", "menghentikan", "akhir", "akhiri", "diakhiri", "diakhirinya", "mengakhiri"],
  ["fighting", "fight", "battle", "clashes", "clash", "hostilities", "tempur", "bentrok", "pertempuran", "bentrokan", "permusuhan", "perang", "war"],
  ["people", "persons", "orang", "members", "anggota", "beranggotakan"],
  ["civilians", "civilian", "sipil", "warga"],
  ["spokesperson", "spokesman", "juru", "bicara", "deliver", "delivered", "convey", "conveyed", "sampai", "sampaikan", "menyampaikan", "nyampein"],
  ["illegal", "ilegal", "unlawful"],
  ["responsible", "responsibility", "blame", "tanggung", "jawab"],
];
const CONCEPT_OF = new Map<string, string>();
CONCEPTS.forEach((group, i) => group.forEach((word) => CONCEPT_OF.set(word, `@${i}`)));

/** The forms a word may match by: itself, its Indonesian and English bases, its concept. */
export function wordForms(word: string): string[] {
  // Bases shorter than three letters ("di" of "died") match everything.
  const forms = new Set([word, ...[...indonesianForms(word), ...englishBases(word)].filter((f) => f.length >= 3)]);
  for (const f of [...forms]) {
    const concept = CONCEPT_OF.get(f);
    if (concept) forms.add(concept);
  }
  return [...forms];
}

const MONTHS_AND_DAYS =
  /\b(senin|selasa|rabu|kamis|jumat|sabtu|minggu|monday|tuesday|wednesday|thursday|friday|saturday|sunday|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|january|february|march|june|july|august|october|december|tahun|year)\b|\d{1,2}\/\d{1,2}\/\d{4}|\b(19|20)\d{2}\b/i;

/** Sentences of a paragraph: split after . ! ? before a capital, a digit or an opening quote. */
export function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?])\s+(?=[“"(A-Z0-9])/).filter(Boolean);
}

/** A line that heads a part of the article ("- PBB", "Apa Peran Rusia?"), a "read also" or the byline: not a fact. */
function isFurniture(paragraph: string): boolean {
  return /^[-–•]\s/.test(paragraph) || /^(baca juga|read also)\b/i.test(paragraph) || /^\(.*\)$/.test(paragraph) || (paragraph.length < 40 && paragraph.endsWith("?"));
}

function formsOf(text: string): Set<string> {
  return new Set(tokenize(text).flatMap(wordForms));
}

/** The part of the article a paragraph belongs to: the unit whose text shares most of its words. */
function unitOf(paragraph: string, units: Array<[FactUnit, Set<string>]>): FactUnit | undefined {
  const words = formsOf(paragraph);
  let best: { unit: FactUnit; share: number } | undefined;
  for (const [unit, forms] of units) {
    let shared = 0;
    for (const w of words) if (forms.has(w)) shared++;
    const share = shared / Math.max(1, words.size);
    if (!best || share > best.share) best = { unit, share };
  }
  return best && best.share >= 0.3 ? best.unit : undefined;
}

const indexes = new WeakMap<Article, FactIndex>();

function buildIndex(article: Article): FactIndex {
  const units: Array<[FactUnit, Set<string>]> = [
    ...article.actors.map((a): [FactUnit, Set<string>] => [
      { kind: "actor", id: a.id },
      formsOf([a.reaction.id, ...a.quotes.map((q) => q.text)].join(" ")),
    ]),
    ...article.background.map((s): [FactUnit, Set<string>] => [{ kind: "section", id: s.id }, formsOf(s.text.id.join(" "))]),
  ];
  const sentences: IndexedSentence[] = [];
  const rendering = article.translation?.en;
  paragraphsOf(article.original).forEach((paragraph, p) => {
    if (isFurniture(paragraph)) return;
    const ids = sentencesOf(paragraph);
    const en = rendering?.[p];
    const ens = en ? sentencesOf(en) : [];
    const unit = unitOf(paragraph, units);
    ids.forEach((text, i) => {
      const english = en ? (ens.length === ids.length ? ens[i]! : en) : undefined;
      const both = `${text} ${english ?? ""}`;
      sentences.push({
        ref: `${p}.${i}`,
        text,
        ...(english ? { en: english } : {}),
        ...(unit ? { unit } : {}),
        forms: formsOf(both),
        hasNumber: /\d/.test(both.replace(new RegExp(MONTHS_AND_DAYS.source, "gi"), "")),
        hasTime: MONTHS_AND_DAYS.test(both),
        hasPlace: /\b(di|in|at|along|di sepanjang)\s+[A-Z]/.test(both) || /perbatasan|border|wilayah|region|kawasan/i.test(both),
        hasActivity: /\bsedang\b|\b(is|are|was|were) \w+ing\b/.test(both),
        hasReason: /\b(karena|sebab|because|for failing|since)\b/i.test(both),
        people: [...text.matchAll(/\b([A-Z][a-z]+) ([A-Z][a-z]+)\b/g)].map((m) => [m[1]!.toLowerCase(), m[2]!.toLowerCase()]),
      });
    });
  });
  const df = new Map<string, number>();
  const byForm = new Map<string, number[]>();
  sentences.forEach((s, position) => {
    for (const f of s.forms) {
      df.set(f, (df.get(f) ?? 0) + 1);
      const at = byForm.get(f);
      if (at) at.push(position);
      else byForm.set(f, [position]);
    }
  });
  const yamlText = [
    article.title.id,
    article.title.en,
    ...article.summary.long.id,
    ...article.summary.long.en,
    ...article.actors.flatMap((a) => [a.reaction.id, a.reaction.en, ...a.quotes.map((q) => q.translation)]),
    ...article.background.flatMap((s) => [...s.text.id, ...s.text.en]),
    // The article's own sentences, without its furniture: a "read also" headline is another story's fact.
    ...paragraphsOf(article.original).filter((p, i) => !isFurniture(p) && !isFurniture(rendering?.[i] ?? "")),
    ...(rendering ?? []).filter((p) => !isFurniture(p)),
  ].join(" ");
  const names = new Set(
    article.actors
      .flatMap((a) => [a.id, a.name.id, a.name.en, ...a.aliases.id, ...a.aliases.en])
      .flatMap((n) => tokenize(n))
      .concat(SETTING),
  );
  return { sentences, byRef: new Map(sentences.map((s) => [s.ref, s])), df, byForm, vocabulary: formsOf(yamlText), names };
}

/** Places of the setting a sentence must name when the question does. */
const SETTING_PLACES = new Set(["azerbaijan", "armenia", "ukraine", "ukraina"]);

/** The story's setting: named in most questions, never what a question asks for. */
const SETTING = ["nagorno", "karabakh", "azerbaijan", "azerbaijani", "armenia", "armenian", "armenians", "artikel", "article", "berita", "news", "story"];

function index(article: Article): FactIndex {
  let idx = indexes.get(article);
  if (!idx) {
    idx = buildIndex(article);
    indexes.set(article, idx);
  }
  return idx;
}

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
  const postings = keys
    .map((key) => [...new Set(wordForms(key).flatMap((form) => idx.byForm.get(form) ?? []))])
    .sort((a, b) => a.length - b.length);
  const positions = new Set<number>();
  for (const list of postings) {
    for (const p of list) {
      if (positions.size >= MAX_CANDIDATES) break;
      positions.add(p);
    }
  }
  return [...positions].sort((a, b) => a - b).map((p) => idx.sentences[p]!);
}

/**
 * The message's content words the article never uses (stop words, cue words
 * and names aside): "netizen", "beras", "tesla". A question built on them is
 * about something else, whatever reaction or greeting words come with it.
 */
export function foreignWords(article: Article, tokens: string[], known: (word: string) => boolean): string[] {
  const idx = index(article);
  return tokens.filter(
    (t) => t.length >= 3 && !/^\d+$/.test(t) && !known(t) && !idx.names.has(t) && !wordForms(t).some((f) => idx.vocabulary.has(f)),
  );
}

/** Builds the article's sentence index now (at load), so the first question does not pay for it. */
export function prepareFacts(article: Article): void {
  index(article);
}

/** The sentences a call's `fact` argument names ("7.0,8.0"), in order. */
export function factSentences(article: Article, refs: string): FactSentence[] {
  const idx = index(article);
  return refs
    .split(",")
    .map((r) => idx.byRef.get(r.trim()))
    .filter((s): s is IndexedSentence => s !== undefined);
}

const CUE_PHRASES: Array<[RegExp, FactCue]> = [
  [/ (kapan|when|what day|what date|what year|tanggal berapa|hari apa|tahun berapa|pada hari|sejak kapan|since when) /, "time"],
  [/ (berapa|how many|how much|jumlah|number of|berapa banyak) /, "count"],
  [/ (dimana|di mana|where|ke mana|kemana) /, "place"],
  [/ (apa yang dilakukan|apa yang sedang|sedang apa|lagi apa|what (is|are|was|were) [a-z ]*doing|what did [a-z ]* do|what do [a-z ]* do|what does [a-z ]* do) /, "activity"],
  [/ (kenapa|mengapa|why|alasan|karena apa|for what reason) /, "reason"],
  [/ (siapa|who|whom|whose) /, "person"],
  // "PBB minta ketaatan terhadap prinsip apa?", "what war did Russia help end?": a thing named in one sentence.
  [/ (apa|what|which) /, "object"],
];

/** Words of a fact question that only say what kind of fact is asked. */
const CUE_WORDS = new Set(
  `berapa jumlah banyak how many much number kapan when day date year tanggal hari tahun dimana mana where kemana
  dilakukan sedang lagi doing do does did tugasnya tugas kenapa mengapa why alasan reason siapa who whom whose apa what
  kata say said says tell told bilang mengatakan according menurut there`.split(/\s+/),
);

/** Cues a sentence must show to answer at all: a number, a date, an action under way. They may lead to another part. */
const STRICT = new Set<FactCue>(["count", "time", "activity"]);

function hasFeature(s: IndexedSentence, cue: FactCue): boolean {
  if (cue === "count") return s.hasNumber;
  if (cue === "time") return s.hasTime;
  if (cue === "activity") return s.hasActivity;
  return true;
}

/** The kind of fact a question asks for, or undefined when it asks for none. */
export function factCue(tokens: string[]): FactCue | undefined {
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

export type FactResult =
  | { found: true; sentences: FactSentence[]; unit?: FactUnit }
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
  tokens: string[],
  cue: FactCue,
  actorIds: readonly string[] = [],
  preferred?: FactUnit,
): FactResult {
  const idx = index(article);
  // A question naming an actor asks about that actor: only sentences from its part, or that name it, answer it.
  const named = article.actors.filter((a) => actorIds.includes(a.id));
  const aliasForms = named.map((a) => new Set([a.id, a.name.id, a.name.en, ...a.aliases.id, ...a.aliases.en].flatMap((n) => tokenize(n))));
  // A sentence of the part already meant (a section about the named actor) is about them too.
  const inPreferred = (s: IndexedSentence) => preferred !== undefined && s.unit?.kind === preferred.kind && s.unit.id === preferred.id;
  const aboutNamed = (s: IndexedSentence) =>
    named.length === 0 ||
    named.some((a, i) => s.unit?.id === a.id || [...aliasForms[i]!].some((w) => s.forms.has(w)));
  // Words of saying and condemning ask about a reaction, not for a fact: never "the thing asked about".
  const content = [...new Set(tokens)].filter(
    (t) => t.length >= 3 && !STOP_WORD_SET.has(t) && !CUE_WORDS.has(t) && !/^\d+$/.test(t) && score(LEX.reaction, [t], ` ${t} `) === 0,
  );
  const missing = content.filter((t) => !idx.names.has(t) && !wordForms(t).some((f) => idx.vocabulary.has(f)));
  const aboutStory = content.some((t) => idx.names.has(t));
  const newsFact = missing.some((w) => NEWS_FACT_WORDS.has(w) || (aboutStory && OFFICE_WORDS.has(w)));
  const notFound = { found: false as const, missing, newsFact, asked: content.filter((t) => !idx.names.has(t)), aboutStory };
  // The thing asked about is a fact the article never reports: no other word of the question may stand in for it.
  if (newsFact) return notFound;
  // Words the article never uses cannot be matched; the rest still find the sentence ("why is Armenia mad at the peacekeepers?").
  const keys = content.filter((t) => !idx.names.has(t) && !missing.includes(t));
  const setting = content.filter((t) => SETTING_PLACES.has(t));
  const n = idx.sentences.length;
  const idf = (f: string) => Math.log(1 + n / (idx.df.get(f) ?? n));
  const matchWeight = (word: string, s: IndexedSentence) => Math.max(0, ...wordForms(word).filter((f) => s.forms.has(f)).map(idf));
  const scored = candidates(idx, keys)
    .filter((s) => hasFeature(s, cue) && (aboutNamed(s) || inPreferred(s)))
    // A loose cue (who, where, why) stays inside the part the question was read as, when it was read as one.
    .filter((s) => STRICT.has(cue) || !preferred || (s.unit?.kind === preferred.kind && s.unit.id === preferred.id))
    .map((s) => {
      // The words naming the thing asked about must be in the sentence (most of them: one may be phrased otherwise),
      // and so must the places of the setting the question names ("tentara Azerbaijan" is not Russia's mission).
      const matched = keys.filter((k) => matchWeight(k, s) > 0).length;
      if (keys.length > 0 && (matched === 0 || matched / keys.length < 0.6)) return { s, score: 0 };
      // A bare "apa"/"what" needs two of the question's words in the sentence: one shared word is a topic, not an answer.
      if (cue === "object" && matched < 2) return { s, score: 0 };
      if (!setting.every((w) => s.forms.has(w))) return { s, score: 0 };
      let score = content.reduce((sum, w) => sum + matchWeight(w, s), 0);
      if ((cue === "place" && s.hasPlace) || (cue === "reason" && s.hasReason)) score += 0.5;
      // "Who ...?": a sentence naming someone the question does not.
      if (cue === "person" && s.people.some((p) => !p.every((w) => tokens.includes(w)))) score += 1;
      // The part the question was already read as is the likelier home of the fact.
      if (preferred && s.unit?.kind === preferred.kind && s.unit.id === preferred.id) score += 1;
      return { s, score };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  // A name alone ("how many Russians?") is too little to point at one sentence.
  if (!best || (keys.length === 0 && best.score < 1.5)) return notFound;
  const picked = scored.filter((x) => x.score >= best.score * 0.9 && x.s.unit?.id === best.s.unit?.id).slice(0, 2).map((x) => x.s);
  return { found: true, sentences: picked, ...(best.s.unit ? { unit: best.s.unit } : {}) };
}
