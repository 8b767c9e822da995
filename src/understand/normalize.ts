/**
 * Turns a chat message into comparable tokens: lower case, no accents, no
 * emoji or punctuation, informal Indonesian spelled out ("gmn" -> "bagaimana").
 */

/** Chat spellings and abbreviations mapped to their standard form; particles map to "". */
const INFORMAL_WORDS: Record<string, string> = {
  gmn: "bagaimana", gmana: "bagaimana", gimana: "bagaimana", bgmn: "bagaimana", gimna: "bagaimana",
  yg: "yang", yng: "yang",
  gak: "tidak", ga: "tidak", gk: "tidak", nggak: "tidak", ngga: "tidak", engga: "tidak", enggak: "tidak",
  ndak: "tidak", tdk: "tidak", kagak: "tidak", g: "tidak",
  bgt: "banget", bngt: "banget",
  dong: "", sih: "", aja: "saja", deh: "", nih: "", kok: "", loh: "", lho: "", yah: "", kah: "", tuh: "",
  dgn: "dengan", dg: "dengan", utk: "untuk", untk: "untuk", krn: "karena", karna: "karena",
  sm: "sama", sma: "sama", sdh: "sudah", udh: "sudah", udah: "sudah", dah: "sudah", blm: "belum", blum: "belum",
  org: "orang", trs: "terus", klo: "kalau", kalo: "kalau", kl: "kalau", jd: "jadi", jg: "juga", tp: "tapi",
  tpi: "tapi", bs: "bisa", bsa: "bisa", knp: "kenapa", napa: "kenapa", ngapain: "apa melakukan", dmn: "dimana",
  emg: "memang", emang: "memang", pengen: "ingin", pgn: "ingin", pingin: "ingin", mau: "ingin",
  ama: "sama", gitu: "begitu", gt: "begitu", gini: "begini", aj: "saja", doang: "saja",
  tau: "tahu", tw: "tahu", ato: "atau", atw: "atau", dr: "dari", dri: "dari", pd: "pada", lg: "lagi",
  sy: "saya", aku: "saya", gue: "saya", gw: "saya", gua: "saya", km: "kamu", lu: "kamu", lo: "kamu", elo: "kamu",
  jubir: "juru bicara", bkn: "bukan", sbg: "sebagai", tsb: "tersebut", sbb: "sebagai", ttg: "tentang", tntg: "tentang",
  diem: "diam", src: "source", srcs: "sources",
  // Written abbreviations of time and quantity words ("thn brp?", "tgl brp?").
  thn: "tahun", bln: "bulan", tgl: "tanggal", jml: "jumlah", skrg: "sekarang", skg: "sekarang", kmrn: "kemarin",
  sblm: "sebelum", stlh: "setelah", bbrp: "beberapa", thd: "terhadap", sktr: "sekitar",
  // Polite address ("halo kak", "mas, bisa bantu?"): it says who is spoken to, not what is asked.
  kak: "", kakak: "", mas: "", mbak: "", mba: "", bang: "", om: "", bos: "", mimin: "", ceritain: "ceritakan", jelasin: "jelaskan", kasih: "beri", kasi: "beri", omongan: "ucapan",
  ngomong: "bicara", ngomongin: "membicarakan", bilang: "kata", nyebut: "sebut", nanya: "tanya", nulis: "menulis", brp: "berapa", kpn: "kapan", pake: "pakai", pakenya: "pakainya", make: "pakai", ngebela: "membela", belain: "membela", ngebelain: "membela", ngeliput: "meliput",
  // English chat spellings
  u: "you", ur: "your", pls: "please", plz: "please", thx: "thanks", wat: "what", wht: "what",
  abt: "about", govt: "government", tl: "tl", dr_: "dr", whats: "what is", hows: "how is",
  whos: "who is", wheres: "where is", dont: "do not", didnt: "did not", doesnt: "does not", isnt: "is not",
  cant: "can not", wont: "will not", im: "i am",
};

/**
 * A Map, not the object: a plain object's lookup also finds what every object inherits, and a chat
 * message may well say "constructor" or "toString".
 */
const INFORMAL: ReadonlyMap<string, string> = new Map(Object.entries(INFORMAL_WORDS));

/**
 * Invisible and format characters (zero-width space and joiners, BOM, soft
 * hyphen, bidi marks, word joiner, Hangul fillers): removed before anything
 * else, so "Pra\u200Bncis" is "Prancis" and not two words.
 */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u180E]/gu;
const NOT_ASCII = /[^\x00-\x7f]/;
export function withoutInvisible(text: string): string {
  // None of them is ASCII: a plain ASCII message (most) needs no search.
  return NOT_ASCII.test(text) ? text.replace(INVISIBLE, "") : text;
}

/** Lower-case, strip accents/emoji/punctuation (hyphens too: "pihak-pihak" -> "pihak pihak"); keep letters and digits. */
// Steps a message cannot need are skipped (most are plain ASCII without apostrophes); the result is the same.
export function cleanText(text: string): string {
  return reading ? memo(reading.cleaned, text, cleanUncached) : cleanUncached(text);
}

/**
 * One question is read by several steps (intent, entities, places, content cues, facts, the
 * article choice), each from its text. Inside `readingOnce` a text is cleaned and tokenized once
 * and shared by every step; the memory goes when the outermost reading ends, so the next question
 * (the same text asked again included) is read afresh and nothing grows with traffic.
 */
interface Reading {
  cleaned: Map<string, string>;
  tokenized: Map<string, Tokenized>;
}
let reading: Reading | undefined;

export function readingOnce<T>(read: () => T): T {
  if (reading) return read();
  reading = { cleaned: new Map(), tokenized: new Map() };
  try {
    return read();
  } finally {
    reading = undefined;
  }
}

function memo<T>(cache: Map<string, T>, text: string, make: (text: string) => T): T {
  let value = cache.get(text);
  if (value === undefined) {
    value = make(text);
    cache.set(text, value);
  }
  return value;
}

function cleanUncached(text: string): string {
  // Dotted acronyms become one word before dots turn into spaces: "U.S." -> "US", "U.N." -> "UN".
  let s = withoutInvisible(text);
  if (s.includes(".")) s = s.replace(/\b(\p{L})\.(\p{L})\.(?:(\p{L})\.)?/gu, "$1$2$3");
  const ascii = !NOT_ASCII.test(s);
  if (!ascii) s = s.normalize("NFKD").replace(/\p{M}/gu, "");
  s = s.toLowerCase();
  if (!ascii || s.includes("`")) s = s.replace(/[’‘`´]/g, "'");
  if (s.includes("'")) {
    s = s
      // English contractions and possessives: "russia's" -> "russia", "what's" -> "what is"
      .replace(/\b(what|who|how|where|that|it|there)'s\b/g, "$1 is")
      .replace(/n't\b/g, " not")
      .replace(/'s\b|(?<=s)'(?=\s|$)/g, "")
      .replace(/'(re|ve|ll|d|m)\b/g, "");
  }
  if (s.includes("tl")) s = s.replace(/\btl\W{0,2}dr\b/g, "tldr");
  return (
    s
      // Everything that is not a letter or digit becomes a space (emoji included), a run of them one space.
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
  );
}

/** Chat particles: dropped from the tokens, but a clear sign the message is Indonesian. */
export const PARTICLES: ReadonlySet<string> = new Set(
  [...INFORMAL]
    .filter(([, standard]) => standard === "")
    .map(([word]) => word),
);

/** The normalised tokens of a message, informal spellings expanded, particles dropped. Shared: never changed by callers. */
export function tokenize(text: string): readonly string[] {
  return tokenizeCounting(text).tokens;
}

interface Tokenized {
  readonly tokens: readonly string[];
  readonly particles: number;
}

/** `tokenize`, also counting the chat particles it dropped (a sign of Indonesian), from one cleaning of the text. */
export function tokenizeCounting(text: string): Tokenized {
  return reading ? memo(reading.tokenized, text, tokenizeUncached) : tokenizeUncached(text);
}

function tokenizeUncached(text: string): Tokenized {
  const out: string[] = [];
  let previous = "";
  let particles = 0;
  for (const raw of cleanText(text).split(" ")) {
    if (!raw) continue;
    if (PARTICLES.has(raw)) particles++;
    // Reduplication written with "2" (apa2 -> apa) and repeated letters (bangeeet -> banget).
    // Most words have neither: two character checks spare them both regular expressions.
    const word = raw.endsWith("2") || hasTripleLetter(raw) ? raw.replace(/^([a-z]+)2$/, "$1").replace(/([a-z])\1{2,}/g, "$1") : raw;
    // "terima kasih" is thanks, not "receive give".
    const mapped = previous === "terima" && word === "kasih" ? undefined : INFORMAL.get(word);
    previous = word;
    if (mapped === undefined) out.push(word);
    else if (mapped !== "") out.push(...mapped.split(" "));
  }
  return { tokens: Object.freeze(withIdioms(out)), particles };
}

/** Whether a word has a letter three times in a row ("bangeeet"). */
function hasTripleLetter(word: string): boolean {
  for (let i = 2; i < word.length; i++) if (word[i] === word[i - 1] && word[i] === word[i - 2]) return true;
  return false;
}

/**
 * Idioms a reader uses for a plain word the article has ("turned a blind eye to" for its "ignoring", "on good
 * terms" for its "relations", "tutup mata" for its "mengabaikan", "nama baik" for reputation): read as that word, since none of their own
 * words means it. Each is keyed by its last word ("eye", "terms", "mata"), so a message without
 * one costs a set lookup per word.
 */
const IDIOMS: ReadonlyMap<string, ReadonlyArray<readonly [readonly string[], readonly string[]]>> = new Map([
  [
    "eye",
    [
      [["turned", "a", "blind", "eye"], ["ignored"]],
      [["turn", "a", "blind", "eye"], ["ignore"]],
      [["turns", "a", "blind", "eye"], ["ignores"]],
      [["turning", "a", "blind", "eye"], ["ignoring"]],
      [["blind", "eye"], ["ignore"]],
    ],
  ],
  [
    "terms",
    [
      [["good", "terms"], ["good", "relations"]],
      [["bad", "terms"], ["bad", "relations"]],
      [["friendly", "terms"], ["friendly", "relations"]],
      [["speaking", "terms"], ["relations"]],
    ],
  ],
  [
    "along",
    [
      [["get", "along"], ["relations"]],
      [["gets", "along"], ["relations"]],
      [["getting", "along"], ["relations"]],
      [["got", "along"], ["relations"]],
    ],
  ],
  [
    "baik",
    [[["nama", "baik"], ["reputasi"]]],
  ],
  [
    "name",
    [[["good", "name"], ["reputation"]]],
  ],
  [
    "mata",
    [
      [["menutup", "mata"], ["mengabaikan"]],
      [["tutup", "mata"], ["abaikan"]],
    ],
  ],
]);

function withIdioms(tokens: string[]): string[] {
  if (!tokens.some((t) => IDIOMS.has(t))) return tokens;
  const out: string[] = [];
  for (const t of tokens) {
    out.push(t);
    const phrase = IDIOMS.get(t)?.find(([words]) => words.every((w, j) => out[out.length - words.length + j] === w));
    if (phrase) out.splice(out.length - phrase[0].length, phrase[0].length, ...phrase[1]);
  }
  return out;
}

/** "sikapnya" -> "sikap", "bisakah" -> "bisa": Indonesian enclitics dropped from words long enough to carry one. */
export function withoutEnclitic(word: string): string {
  if (word.length <= 5) return word;
  // Each enclitic ends in a, h or n: any other last letter (most words) needs no search.
  const last = word[word.length - 1];
  return last === "a" || last === "h" || last === "n" ? word.replace(/(nya|lah|kah|pun)$/, "") : word;
}

/** Tokens of the original message with their original case, for case-sensitive acronyms (US vs us). */
export function rawTokens(text: string): string[] {
  return withoutInvisible(text)
    .replace(/['’]s\b/g, "")
    .split(/[^\p{L}\p{N}.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ""))
    .filter(Boolean);
}
