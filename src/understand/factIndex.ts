import { type Article, paragraphsOf } from "../content/article.js";
import { indonesianForms } from "./affixes.js";
import { englishBases, isDictionaryWord } from "./dictionary.js";
import { COMMON_WORDS, STOP_WORD_SET } from "./language.js";
import { tokenize } from "./normalize.js";
import { settingOf, settingPlacesIn } from "./setting.js";

/**
 * The index fact questions are answered from: every sentence of original.txt,
 * once per article, with its words (Indonesian affixes reduced, the words of
 * our English rendering, a few concepts shared by near-synonyms), what kind of
 * fact it can give (a number, a date, a place, an action under way, a reason,
 * a person) and the part of the article it belongs to (an actor's reaction or
 * a background section).
 */

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

export interface IndexedSentence extends FactSentence {
  forms: ReadonlySet<string>;
  hasNumber: boolean;
  hasTime: boolean;
  hasPlace: boolean;
  hasActivity: boolean;
  hasReason: boolean;
  /** People named in the sentence ("Stephane Dujarric"), as lower-case words. */
  people: string[][];
  /** The places of the story's setting it names (place codes: "AZ"). */
  places: ReadonlySet<string>;
  /** The first word of the sentence and of its English rendering (who opens it: "apa yang dilakukan X?"). */
  openings: readonly string[];
}

export interface FactIndex {
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
  /** Words that name someone or something of the story (actors, its setting): never the thing asked. */
  names: ReadonlySet<string>;
}

/** Near-synonyms within and across the two languages, each group one concept. */
const CONCEPTS: string[][] = [
  ["troops", "troop", "soldiers", "soldier", "forces", "force", "personnel", "pasukan", "tentara", "prajurit", "personel", "peacekeepers", "peacekeeper", "peacekeeping", "mission", "misi"],
  ["died", "die", "dead", "death", "deaths", "killed", "kill", "tewas", "meninggal", "mati", "wafat"],
  ["casualties", "casualty", "victims", "victim", "korban"],
  ["evacuate", "evacuating", "evacuated", "evacuation", "evakuasi", "mengevakuasi", "dievakuasi"],
  ["aid", "help", "assistance", "bantuan", "membantu", "memberikan"],
  ["stop", "halt", "end", "cease", "wrap", "henti", "hentikan", "dihentikan", "menghentikan", "akhir", "akhiri", "diakhiri", "diakhirinya", "mengakhiri"],
  ["fighting", "fight", "battle", "clashes", "clash", "hostilities", "tempur", "bentrok", "pertempuran", "bentrokan", "permusuhan", "perang", "war", "conflict", "konflik"],
  ["people", "persons", "orang", "members", "anggota", "beranggotakan"],
  ["civilians", "civilian", "sipil", "warga"],
  ["spokesperson", "spokesman", "juru", "bicara", "deliver", "delivered", "convey", "conveyed", "sampai", "sampaikan", "menyampaikan", "nyampein"],
  ["illegal", "ilegal", "unlawful"],
  ["responsible", "responsibility", "blame", "tanggung", "jawab"],
  // The words a reader uses for a thing the article names otherwise ("fasilitas" for its "pangkalan militer").
  ["base", "bases", "pangkalan", "facility", "facilities", "fasilitas", "installation", "instalasi"],
  ["relations", "relation", "relationship", "relationships", "ties", "hubungan", "relasi", "akur", "baikan"],
  ["prestige", "gengsi", "prestise", "wibawa", "martabat", "reputation", "reputasi", "pamor"],
  // "dianggep" is the casual form of "dianggap"; "viewed" of the rendering's "seen as" and the article's "dipandang".
  ["anggap", "anggep", "pandang", "nilai", "regard", "regarded", "consider", "considered", "deem", "deemed", "view", "viewed", "judge", "judged", "assess", "assessed"],
  ["achievement", "accomplishment", "success", "pencapaian", "capai", "prestasi", "keberhasilan"],
  // A reader calls an ally a friend or a partner ("are they still friends?").
  ["ally", "allies", "sekutu", "friend", "friends", "partner", "partners", "kawan", "teman", "sahabat", "mitra"],
  ["ignore", "ignored", "ignoring", "abai", "abaikan", "mengabaikan", "overlook", "overlooked", "neglect", "neglected", "disregard", "disregarded"],
  // Keen to act or not: the article's "tidak bersemangat" / "unenthusiastic" / "unwilling", asked either way.
  ["keen", "eager", "enthusiastic", "unenthusiastic", "willing", "unwilling", "reluctant", "hesitant", "semangat", "bersemangat", "antusias", "berminat", "enggan", "ogah", "segan"],
  ["patuh", "taat", "ketaatan", "obey", "observe", "observance", "comply", "compliance", "adhere", "adherence"],
];
const CONCEPT_OF = new Map<string, string>();
CONCEPTS.forEach((group, i) => group.forEach((word) => CONCEPT_OF.set(word, `@${i}`)));

/**
 * Common English verbs whose past forms no suffix rule reduces ("lost" is no "-ed" of "lose"): the article's
 * rendering tells in the past what a question asks in the present ("what could Russia lose" / "could be lost").
 */
const IRREGULAR_PAST = new Map(
  `lost:lose won:win gave:give given:give took:take taken:take made:make went:go gone:go came:come held:hold kept:keep
  led:lead fought:fight sought:seek brought:bring began:begin begun:begin broke:break broken:break chose:choose
  chosen:choose thought:think sent:send spent:spend stood:stand drew:draw drawn:draw fell:fall fallen:fall knew:know
  known:know paid:pay ran:run rose:rise risen:rise saw:see seen:see sold:sell spoke:speak spoken:speak wrote:write
  written:write built:build caught:catch felt:feel found:find heard:hear left:leave met:meet told:tell`
    .split(/\s+/)
    .map((pair) => pair.split(":") as [string, string]),
);

/**
 * A word's forms depend on the word alone, and the same words come back in
 * every question (and in every article's titles and keywords, checked per
 * question): kept once computed. Bounded, since any text can bring new words;
 * emptied whole when full (refilling costs one computation per word).
 */
const FORMS_CACHE_SIZE = 50_000;
const formsCache = new Map<string, readonly string[]>();

/** The forms a word may match by: itself, its Indonesian and English bases, its concept. Do not modify the result. */
export function wordForms(word: string): readonly string[] {
  let forms = formsCache.get(word);
  if (!forms) {
    if (formsCache.size >= FORMS_CACHE_SIZE) formsCache.clear();
    formsCache.set(word, (forms = computeWordForms(word)));
  }
  return forms;
}

function computeWordForms(word: string): string[] {
  const irregular = IRREGULAR_PAST.get(word);
  // Bases shorter than three letters ("di" of "died") match everything.
  const forms = new Set([word, ...(irregular ? [irregular] : []), ...[...indonesianForms(word), ...englishBases(word)].filter((f) => f.length >= 3)]);
  for (const f of [...forms]) {
    const concept = CONCEPT_OF.get(f);
    if (concept) forms.add(concept);
  }
  return [...forms];
}

export function formsOf(text: string): Set<string> {
  return new Set(tokenize(text).flatMap(wordForms));
}

export const MONTHS_AND_DAYS =
  /\b(senin|selasa|rabu|kamis|jumat|sabtu|minggu|monday|tuesday|wednesday|thursday|friday|saturday|sunday|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|january|february|march|june|july|august|october|december|tahun|year)\b|\d{1,2}\/\d{1,2}\/\d{4}|\b(19|20)\d{2}\b/i;

/** A number that is no date: "2.000 orang", "2,000 people", not "2023" or "20/9/2023". */
export function hasCount(text: string): boolean {
  return /\d/.test(text.replace(new RegExp(MONTHS_AND_DAYS.source, "gi"), ""));
}

/** A place phrase: "di Nagorno-Karabakh", "along the border". */
export function hasPlacePhrase(text: string): boolean {
  return /\b(di|in|at|along|di sepanjang)\s+[A-Z]/.test(text) || /perbatasan|border|wilayah|region|kawasan/i.test(text);
}

/**
 * People a text names: two capitalised words, at least one of them no dictionary word
 * ("Stephane Dujarric", "Antonio Guterres"; not "The Secretary" or "Sekretaris Jenderal").
 */
export function peopleIn(text: string): string[][] {
  return [...text.matchAll(/\b(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+)\b/gu)]
    .map((m) => [m[1]!.toLowerCase(), m[2]!.toLowerCase()])
    .filter((name) => name.some((w) => !COMMON_WORDS.has(w) && !STOP_WORD_SET.has(w) && !isDictionaryWord(w)));
}

/** Sentences of a paragraph: split after . ! ? before a capital, a digit or an opening quote. */
export function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?])\s+(?=[“"(A-Z0-9])/).filter(Boolean);
}

/** A line that heads a part of the article ("- PBB", "Apa Peran Rusia?"), a "read also" or the byline: not a fact. */
function isFurniture(paragraph: string): boolean {
  return /^[-–•]\s/.test(paragraph) || /^(baca juga|read also)\b/i.test(paragraph) || /^\(.*\)$/.test(paragraph) || (paragraph.length < 40 && paragraph.endsWith("?"));
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

/** Words that name the text itself ("menurut artikel", "in the story"): never the thing asked. */
const ARTICLE_WORDS = ["artikel", "article", "berita", "news", "story", "laporan", "report"];
/** Words that point at the story's place without naming it ("di kawasan itu", "in the region"): its setting, never the thing asked. */
const REGION_WORDS = ["kawasan", "wilayah", "daerah", "region", "area"];

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
        hasNumber: hasCount(both),
        hasTime: MONTHS_AND_DAYS.test(both),
        hasPlace: hasPlacePhrase(both),
        hasActivity: /\bsedang\b|\b(is|are|was|were) \w+ing\b/.test(both),
        hasReason: /\b(karena|sebab|because|for failing|since)\b/i.test(both),
        people: peopleIn(text),
        places: new Set(settingPlacesIn(article, both)),
        // Read once here: tokenizing hundreds of candidates' openings per question made its cost grow with original.txt.
        openings: [text, english ?? ""].flatMap((t) => tokenize(t.slice(0, 80)).slice(0, 1)),
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
  const names = new Set([
    ...article.actors.flatMap((a) => [a.id, a.name.id, a.name.en, ...a.aliases.id, ...a.aliases.en]).flatMap((n) => tokenize(n)),
    ...settingOf(article).words,
    ...ARTICLE_WORDS,
    ...REGION_WORDS,
  ]);
  return { sentences, byRef: new Map(sentences.map((s) => [s.ref, s])), df, byForm, vocabulary: formsOf(yamlText), names };
}

const indexes = new WeakMap<Article, FactIndex>();

export function factIndex(article: Article): FactIndex {
  let idx = indexes.get(article);
  if (!idx) {
    idx = buildIndex(article);
    indexes.set(article, idx);
  }
  return idx;
}

/** The sentences a call's `fact` argument names ("7.0,8.0"), in order. */
export function factSentences(article: Article, refs: string): FactSentence[] {
  const idx = factIndex(article);
  return refs
    .split(",")
    .map((r) => idx.byRef.get(r.trim()))
    .filter((s): s is IndexedSentence => s !== undefined);
}
