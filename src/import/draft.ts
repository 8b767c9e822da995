import { Document, Scalar } from "yaml";
import { articleSchema } from "../content/schema.js";
import type { DraftActor } from "./actors.js";
import type { DraftSection } from "./sections.js";
import type { DraftSummary } from "./summary.js";

/**
 * The pipeline's last step: the structured parts -> article.yaml text. Only
 * what the text supports: Indonesian fields, English names from the country
 * data, no invented English (the loader serves English askers the Indonesian
 * text with a note until an editor writes it).
 */
export interface DraftArticle {
  id: string;
  status: "draft" | "published";
  eventsDate: string;
  outlet: string;
  author: string;
  url?: string;
  title: string;
  summary: DraftSummary;
  actors: DraftActor[];
  background: DraftSection[];
  related: string[];
}

/** The object article.yaml holds (validated by the same schema as the loader's). */
export function toArticleFile(d: DraftArticle): Record<string, unknown> {
  return {
    id: d.id,
    status: d.status,
    events_date: d.eventsDate,
    language: "id",
    outlet: d.outlet,
    author: d.author,
    ...(d.url ? { url: d.url } : {}),
    title: { id: d.title },
    summary: { extracted: true, short: { id: d.summary.short }, long: { id: d.summary.long } },
    actors: Object.fromEntries(
      d.actors.map((a) => [
        a.id,
        {
          name: a.name.en ? { id: a.name.id, en: a.name.en } : { id: a.name.id },
          flag: a.flag,
          color: a.color,
          aliases: a.aliases,
          reaction: { id: a.reaction },
          quotes: a.quotes.map((q) => ({ speaker: q.speaker, role: { id: q.role }, text: q.text })),
        },
      ]),
    ),
    background: d.background.map((s) => ({ id: s.id, title: { id: s.title }, actors: s.actors, keywords: { id: s.keywords }, text: { id: s.text } })),
    related: d.related,
  };
}

/** A schema problem in a draft is a bug of the importer or a text it cannot read; one line says which field. */
export function validateDraft(file: Record<string, unknown>): string | undefined {
  const parsed = articleSchema.safeParse(file);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  return `${issue.path.join(".")}: ${issue.message}`;
}

export function toYaml(file: Record<string, unknown>, source: string): string {
  const doc = new Document(file);
  doc.commentBefore = [
    ` Imported by content:import from ${source}.`,
    " Summaries are the article's own sentences (extracted); quotes are verbatim from original.txt.",
    " No English is invented: add the `en` fields (title, summary, reactions, roles, translations,",
    " sections) and English askers get them instead of the Indonesian text. Set `status: published`",
    " to serve a draft.",
  ].join("\n");
  // Colours read better as hex, like the hand-written files.
  doc.getIn(["actors"]) &&
    Object.keys(file.actors as object).forEach((id) => {
      const node = doc.getIn(["actors", id, "color"], true);
      if (node instanceof Scalar) node.format = "HEX";
    });
  // Six hex digits, as colours are written (0x009EDB, not 0x9edb).
  return doc.toString({ lineWidth: 0 }).replace(/^(\s+color: )0x([0-9a-f]+)$/gm, (_, key: string, hex: string) => `${key}0x${hex.toUpperCase().padStart(6, "0")}`);
}
