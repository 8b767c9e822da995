import { z } from "zod";

/**
 * The schema of `content/<article>/article.yaml`. Validation happens once at
 * load; everything downstream trusts the typed result.
 */
const text = z.string().trim().min(1, "must not be empty");
const localized = z.object({ id: text, en: text }).strict();
const localizedParagraphs = z
  .object({ id: z.array(text).min(1), en: z.array(text).min(1) })
  .strict();
const localizedList = z.object({ id: z.array(text), en: z.array(text) }).strict();

export const ACTOR_ID = /^[a-z][a-z0-9-]{0,23}$/;

const quote = z
  .object({
    speaker: text,
    role: localized,
    /** The article's words, verbatim (checked against original.txt). */
    text,
    /** Our English rendering; always shown marked as a translation. */
    translation: text,
  })
  .strict();

const actor = z
  .object({
    name: localized,
    flag: text,
    color: z.number().int().min(0).max(0xffffff),
    aliases: localizedList,
    reaction: localized,
    quotes: z.array(quote),
  })
  .strict();

const background = z
  .object({
    id: z.string().regex(ACTOR_ID, "must be lower-case letters, digits and dashes"),
    title: localized,
    /** Actors this section is about; must exist in `actors`. */
    actors: z.array(z.string()).default([]),
    keywords: localizedList,
    text: localizedParagraphs,
  })
  .strict();

export const articleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, "must be 3-64 lower-case letters, digits and dashes"),
    events_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD"),
    language: z.enum(["id", "en"]),
    outlet: text,
    author: text,
    url: z.url().optional(),
    title: localized,
    summary: z.object({ short: localized, long: localizedParagraphs }).strict(),
    actors: z
      .record(z.string().regex(ACTOR_ID, "actor ids must be lower-case letters, digits and dashes"), actor)
      .refine((actors) => Object.keys(actors).length > 0, "must list at least one actor"),
    background: z.array(background),
    related: z.array(text).default([]),
  })
  .strict();

export type ArticleFile = z.infer<typeof articleSchema>;
