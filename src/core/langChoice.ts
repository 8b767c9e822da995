import type { Lang } from "./lang.js";

/**
 * A chat's /lang choice as looked up once for one update (Kabar.langChoice), handed to `answer` and `run` so
 * the core does not look it up again: `lang` undefined when the chat follows each question's own language.
 */
export interface LangChoice {
  readonly lang: Lang | undefined;
}

/** The three possible choices, made once: every update looks one up. */
const CHOICES = { none: { lang: undefined }, id: { lang: "id" }, en: { lang: "en" } } as const satisfies Record<string, LangChoice>;

export const choiceOf = (lang: Lang | undefined): LangChoice => CHOICES[lang ?? "none"];
