import { createRequire } from "node:module";
import countries from "i18n-iso-countries";
import type { Lang } from "../core/lang.js";
import { cleanText } from "./normalize.js";
import { ORGANISATIONS } from "./organisations.js";

/**
 * Names of countries and organisations a user might ask about, in Indonesian
 * and English: country names (i18n-iso-countries, which ships both languages),
 * capitals, demonyms and alternative spellings (world-countries). Built once.
 * Covered actors are matched before these, so France/Paris never lands here.
 */
const require = createRequire(import.meta.url);
countries.registerLocale(require("i18n-iso-countries/langs/id.json"));
countries.registerLocale(require("i18n-iso-countries/langs/en.json"));

interface WorldCountry {
  cca2: string;
  name: { common: string };
  flag: string;
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { m: string; f: string } };
}
const world: WorldCountry[] = require("world-countries");

/** Organisations (organisations.ts) and everyday Indonesian names the data packages do not carry. */
const EXTRA: Array<[string, string[]]> = [
  ...ORGANISATIONS.map((o): [string, string[]] => [o.code, [...o.aliases.id, ...o.aliases.en]]),
  ["G7", ["G7"]],
  ["G20", ["G20"]],
  ["GB", ["UK", "Inggris", "Britania", "British", "Britain", "England", "Inggris Raya"]],
  ["US", ["Amerika", "AS", "Paman Sam", "Gedung Putih", "White House", "State Department", "Washington", "America", "American", "Americans", "US", "USA"]],
  ["CN", ["Tiongkok", "Cina", "RRC", "RRT", "Beijing"]],
  ["TR", ["Turkiye", "Turkish", "Erdogan"]],
  ["KR", ["Korsel"]],
  ["ID", ["RI", "Republik Indonesia", "Kemlu RI", "Kemenlu RI", "Kementerian Luar Negeri RI", "pemerintah Indonesia"]],
  ["KP", ["Korut"]],
  ["SA", ["Saudi"]],
  ["AE", ["UEA", "Uni Emirat Arab", "Emirat"]],
  ["DE", ["Berlin", "Jerman"]],
  ["NL", ["Belanda"]],
  ["JP", ["Jepang"]],
  ["IR", ["Teheran"]],
  ["UA", ["Kyiv", "Kiev"]],
  ["ARAB", ["Arab", "dunia Arab", "negara Arab", "negara-negara Arab", "Arab world", "Arab states", "Arab countries"]],
];

/** Leaders and ministers of countries the article has no reaction from: people, shown with their country. */
const PEOPLE: Array<[string, string[]]> = [
  ["US", ["Biden", "Joe Biden", "Trump", "Donald Trump", "Blinken", "Antony Blinken"]],
  ["CN", ["Xi Jinping", "Wang Yi"]],
  ["DE", ["Scholz", "Olaf Scholz"]],
  ["GB", ["Sunak", "Rishi Sunak", "Cleverly"]],
  ["IN", ["Modi", "Narendra Modi"]],
  ["ID", ["Jokowi", "Joko Widodo", "Prabowo", "Retno Marsudi"]],
  ["EU", ["von der Leyen", "Borrell", "Josep Borrell"]],
  ["NATO", ["Stoltenberg"]],
  ["AZ", ["Aliyev", "Ilham Aliyev"]],
  ["AM", ["Pashinyan", "Nikol Pashinyan"]],
  ["UA", ["Zelensky", "Zelenskyy"]],
];

/**
 * Names that are also everyday words ("lima" is five, "baku" is standard, "cuba" is try):
 * they count only when written with a capital letter ("Baku", "Lima").
 */
const COMMON_WORDS = new Set(["lima", "male", "baku", "cuba", "chad", "victoria", "jordan", "guinea", "sofia", "apia", "praia", "nuku"]);

/** Words for a country's government around its name: never part of the name a reply repeats. */
const GOVERNMENT = /^(pemerintah|pemerintahan|the government of|government of) | government$/;

export interface Place {
  /** A stable key: ISO alpha-2 for countries, an organisation code otherwise. */
  code: string;
  /** Short acronyms (US, AS, UK) only count when written in capitals. */
  caseSensitive: boolean;
  /** An everyday word too: only a name when written capitalised. */
  capitalized?: true;
  /** The language the name belongs to, when only one ("Spanyol" id, "Spain" en): a cue for the reply language. */
  lang?: Lang;
  /** A person or a capital city standing for the country ("Biden", "Berlin"): shown with the country's name. */
  standsFor?: true;
}

function build(): Map<string, Place> {
  const names = new Map<string, Place>();
  const langs = new Map<string, Set<Lang>>();
  const add = (code: string, name: string, lang?: Lang, standsFor = false) => {
    // "pemerintah Indonesia", "the government of Japan": the government is the country, named by its own name.
    const key = cleanText(name).replace(GOVERNMENT, "");
    if (key.length < 2) return;
    if (lang) langs.set(key, (langs.get(key) ?? new Set()).add(lang));
    const compact = name.replace(/\./g, "");
    const caseSensitive = compact.length <= 3 && compact === compact.toUpperCase();
    if (!names.has(key)) {
      names.set(key, { code, caseSensitive, ...(COMMON_WORDS.has(key) ? { capitalized: true } : {}), ...(standsFor ? { standsFor: true } : {}) });
    }
  };
  // Everyday names first: the first reading of a name wins ("American" is the United States).
  for (const [code, list] of EXTRA) list.forEach((n) => add(code, n));
  for (const [code, list] of PEOPLE) list.forEach((n) => add(code, n, undefined, true));
  for (const lang of ["id", "en"] as const) {
    const all = countries.getNames(lang, { select: "all" }) as Record<string, string[]>;
    for (const [code, list] of Object.entries(all)) list.forEach((n) => add(code, n, lang));
  }
  for (const c of world) {
    // Two-letter codes (IT, IN, NO) are everyday words; the ones people use (US, UK, EU) are in EXTRA.
    c.altSpellings.filter((s) => s.replace(/\./g, "").length >= 3).forEach((s) => add(c.cca2, s));
    c.capital.forEach((s) => add(c.cca2, s, undefined, true));
    if (c.demonyms?.eng) {
      add(c.cca2, c.demonyms.eng.m, "en");
      add(c.cca2, c.demonyms.eng.f, "en");
      add(c.cca2, `${c.demonyms.eng.m}s`, "en");
    }
  }
  for (const [key, set] of langs) {
    const place = names.get(key);
    if (place && set.size === 1) place.lang = [...set][0];
  }
  return names;
}

export const PLACES: ReadonlyMap<string, Place> = build();

/** What the country packages say about one country (ISO alpha-2), for the importer's actors. */
export interface CountryFacts {
  code: string;
  /** Indonesian and English names; the first English one is the everyday name ("Russia"). */
  names: { id: string[]; en: string[] };
  flag: string;
  capitals: string[];
  demonym?: string;
}

export function countryFacts(code: string): CountryFacts | undefined {
  const c = world.find((w) => w.cca2 === code);
  if (!c) return undefined;
  const id = countries.getName(code, "id", { select: "all" }) ?? [];
  const en = [c.name.common, ...(countries.getName(code, "en", { select: "all" }) ?? [])];
  return {
    code,
    names: { id: [...new Set(id)], en: [...new Set(en)] },
    flag: c.flag,
    capitals: c.capital,
    ...(c.demonyms?.eng ? { demonym: c.demonyms.eng.m } : {}),
  };
}

/** Organisations and groups the country data does not name, as a reply names them. */
const GROUP_NAMES: Record<string, { id: string; en: string }> = {
  // Full English names take "the" ("the European Union"); acronyms do not ("NATO").
  ...Object.fromEntries(
    ORGANISATIONS.map((o) => [o.code, { id: o.name.id, en: o.name.en === o.name.en.toUpperCase() ? o.name.en : `the ${o.name.en}` }]),
  ),
  G7: { id: "G7", en: "the G7" },
  G20: { id: "G20", en: "the G20" },
  ARAB: { id: "negara-negara Arab", en: "the Arab states" },
  // Everyday names where the data's official one reads oddly in a sentence.
  GB: { id: "Inggris", en: "the United Kingdom" },
  US: { id: "Amerika Serikat", en: "the United States" },
};
/** Country names English writes with "the". */
const WITH_THE = new Set(["NL", "AE", "PH", "BS", "GM", "CF", "DO", "KM", "MV", "MH", "SB", "CZ", "VA"]);

function countryName(code: string, lang: Lang): string | undefined {
  const group = GROUP_NAMES[code];
  if (group) return group[lang];
  if (lang === "id") return countries.getName(code, "id") ?? undefined;
  // The everyday alias ("Turkey", "China", "Iran") unless it is an acronym or an inverted form ("Korea, Republic of").
  const alias = countries.getName(code, "en", { select: "alias" });
  const name = alias && alias.length > 3 && !alias.includes(",") ? alias.replace(/^The /, "") : countries.getName(code, "en");
  if (!name) return undefined;
  return WITH_THE.has(code) ? `the ${name}` : name;
}

/**
 * How a reply names a place the article does not cover, from the country
 * data: "US" -> "the United States", "AS" -> "Amerika Serikat", "NATO";
 * a person or capital keeps its name, with the country ("Berlin (Jerman)").
 * Undefined when the text is no known place.
 */
export function placeDisplayName(asked: string, lang: Lang): string | undefined {
  const place = PLACES.get(cleanText(asked));
  if (!place) return undefined;
  const name = countryName(place.code, lang);
  if (!name) return undefined;
  if (!place.standsFor) return name;
  const typed = asked.trim().replace(/(^|\s)(\p{Ll})/gu, (_, space: string, ch: string) => space + ch.toUpperCase());
  return `${typed} (${name.replace(/^the /, "")})`;
}
