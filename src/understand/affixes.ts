/**
 * Indonesian word forms. Formal affixes (meN-, di-, ber-, ter-, peN-, per-,
 * -kan, -an, -i, -nya) are reduced for matching a question against the
 * article's sentences; informal chat forms (ng-/nge-/ny-/n- prefixes and the
 * -in suffix: ngecam, nanggepin, ngerespon, ngomentarin) are read as the
 * base verb, so "siapa yg ngecam?" means what "siapa yang mengecam?" means.
 */

const VOWEL = /^[aeiou]/;
/** A base shorter than this is more likely a mis-split than a root ("perang" is not per+ang). */
const MIN_BASE = 4;

function withoutSuffixes(word: string): string[] {
  let w = word;
  if (w.length > 5) w = w.replace(/(lah|kah|pun|tah)$/, "");
  if (w.length > 5) w = w.replace(/(nya|ku|mu)$/, "");
  const out = [w];
  for (const suffix of ["kan", "an", "i"]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= MIN_BASE) out.push(w.slice(0, -suffix.length));
  }
  return out;
}

/** What a word may be once a formal prefix is taken off (the nasal of meN-/peN- restored where it replaced a letter). */
function withoutPrefix(w: string): string[] {
  const out: string[] = [];
  const rest = (n: number) => w.slice(n);
  const push = (base: string) => base.length >= MIN_BASE && out.push(base);
  for (const nasal of ["me", "pe"]) {
    if (!w.startsWith(nasal)) continue;
    const r = rest(2);
    if (r.startsWith("ng")) {
      const x = r.slice(2);
      if (VOWEL.test(x)) push(x), push(`k${x}`);
      else push(x);
    } else if (r.startsWith("ny") && VOWEL.test(r.slice(2))) push(`s${r.slice(2)}`);
    else if (r.startsWith("m")) {
      const x = r.slice(1);
      if (VOWEL.test(x)) push(`p${x}`);
      else push(x);
    } else if (r.startsWith("n")) {
      const x = r.slice(1);
      if (VOWEL.test(x)) push(`t${x}`);
      else push(x);
    } else if (/^[lrwy]/.test(r)) push(r);
  }
  for (const prefix of ["di", "ter", "ber", "per", "ke", "se"]) if (w.startsWith(prefix)) push(rest(prefix.length));
  return out;
}

/**
 * Every form a word may stand for once affixes are reduced: the word itself
 * and its candidate bases ("mengecam" -> mengecam, kecam, ecam). Matching asks
 * whether two words share a form, so a wrong candidate costs little.
 */
export function indonesianForms(word: string): string[] {
  const forms = new Set<string>([word]);
  for (const w of withoutSuffixes(word)) {
    forms.add(w);
    for (const base of withoutPrefix(w)) {
      forms.add(base);
      // One nested prefix: memper-, diper-, keber-.
      for (const inner of withoutPrefix(base)) forms.add(inner);
      for (const s of withoutSuffixes(base)) if (s.length >= MIN_BASE) forms.add(s);
    }
  }
  return [...forms];
}

/** One base for a word: the shortest reduced form (for word lists, where one answer is needed). */
export function indonesianStem(word: string): string {
  const forms = indonesianForms(word).filter((f) => f !== word);
  return forms.sort((a, b) => a.length - b.length)[0] ?? word;
}

/** Bases a chat form may stand for, most likely first: "nanggepin" -> tanggep, tanggap, ... */
function informalCandidates(word: string): string[] {
  const cores = [word];
  if (/in(ya)?$/.test(word) && word.length > 5) cores.push(word.replace(/in(ya)?$/, ""));
  const out: string[] = [];
  for (const core of cores) {
    if (core.startsWith("nge") && core.length >= 6) out.push(core.slice(3));
    if (core.startsWith("ng") && VOWEL.test(core.slice(2))) out.push(`k${core.slice(2)}`, core.slice(2));
    if (core.startsWith("ny") && VOWEL.test(core.slice(2))) out.push(`s${core.slice(2)}`, `c${core.slice(2)}`);
    if (/^n[aeiou]/.test(core)) out.push(`t${core.slice(1)}`);
    if (/^m[aeiou]/.test(core)) out.push(`p${core.slice(1)}`);
    if (core !== word) out.push(core);
  }
  // Chat Indonesian turns the last syllable's a into e ("tanggep", "dapet").
  for (const c of [...out]) {
    const a = c.replace(/e([^aeiou]+)$/, "a$1");
    if (a !== c) out.push(a);
  }
  return out.filter((c) => c.length >= MIN_BASE);
}

/**
 * The base verb of an informal form when `known` recognises it ("ngecam" ->
 * "kecam"), or undefined. Words known as they are stay as typed.
 */
export function informalBase(word: string, known: (w: string) => boolean): string | undefined {
  if (word.length < 5 || known(word)) return undefined;
  if (!/^(ng|ny|n[aeiou]|m[aeiou])/.test(word) && !/in(ya)?$/.test(word)) return undefined;
  return informalCandidates(word).find(known);
}
