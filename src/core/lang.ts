/** The two languages every user-facing string exists in. */
export const LANGS = ["id", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** A string in both languages. */
export interface Localized {
  id: string;
  en: string;
}

export function isLang(value: unknown): value is Lang {
  return value === "id" || value === "en";
}

/**
 * Maps a platform locale ("id", "id-ID", "en-GB", undefined) to a reply language:
 * Indonesian for Indonesian locales, English for everything else.
 */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale?.toLowerCase().startsWith("id") ? "id" : "en";
}
