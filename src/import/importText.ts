import { toActors } from "./actors.js";
import { type DraftArticle, toArticleFile, toYaml, validateDraft } from "./draft.js";
import { articleId, dateOnly, eventsDateIn, titleFrom } from "./metadata.js";
import { toParagraphs, toSentences } from "./paragraphs.js";
import { toSections } from "./sections.js";
import { toStructure } from "./structure.js";
import { toSummary } from "./summary.js";

/**
 * The import pipeline, pure: text (+ what a page or feed says about it) ->
 * a draft article. The network and the file system stay outside (cli.ts,
 * fetchSource.ts, feedPoller.ts).
 */
export interface SourceMeta {
  title?: string;
  author?: string;
  outlet?: string;
  /** The page's or feed item's date, any format Date reads. */
  date?: string;
  url?: string;
}

export interface ImportOptions {
  id?: string;
  publish?: boolean;
  /** Where the text came from, for the YAML header. */
  source?: string;
}

/** A text the importer cannot turn into an article: one line saying why. */
export class ImportError extends Error {
  override name = "ImportError";
}

export interface ImportResult {
  draft: DraftArticle;
  /** article.yaml, validated against the loader's schema. */
  yaml: string;
  /** original.txt: the text as given, verbatim. */
  original: string;
  /** Things an editor should look at; not errors. */
  notes: string[];
}

export function importText(text: string, meta: SourceMeta = {}, options: ImportOptions = {}): ImportResult {
  const notes: string[] = [];
  const paragraphs = toParagraphs(text);
  if (paragraphs.length === 0) throw new ImportError("the text is empty");
  const structure = toStructure(paragraphs);
  const actors = toActors(structure.parts, paragraphs);
  if (actors.length === 0) throw new ImportError("found no country or organisation in the text to make an actor of");
  const actorIds = new Map(actors.flatMap((a) => (a.code ? [[a.code, a.id] as const] : [])));
  const background = toSections(structure.sections, paragraphs, actorIds);
  const summary = toSummary(structure.parts, structure.sections, actors);

  const eventsDate = eventsDateIn(paragraphs.join("\n")) ?? dateOnly(meta.date);
  if (!eventsDate) throw new ImportError("no date of the events: the text names none (like Rabu (20/9/2023)) and the page or feed gives none");
  const outlet = structure.credit?.outlet ?? meta.outlet ?? (meta.url ? new URL(meta.url).hostname.replace(/^www\./, "") : undefined);
  if (!outlet) throw new ImportError("no outlet: the text has no closing credit (Outlet/Author) and the page names none");
  let author = structure.credit?.author ?? meta.author;
  if (!author) {
    author = outlet;
    notes.push(`no author in the text or the page: the outlet (${outlet}) is named as the author`);
  }
  const title = meta.title?.trim() || titleFrom(toSentences(structure.parts[0]?.paragraphs[0] ?? paragraphs[0]!)[0]!);
  for (const a of actors) if (a.quotes.length === 0) notes.push(`actor ${a.id}: no quote found in its part`);

  const draft: DraftArticle = {
    id: options.id ?? articleId(eventsDate, title),
    status: options.publish ? "published" : "draft",
    eventsDate,
    outlet,
    author,
    ...(meta.url ? { url: meta.url } : {}),
    title,
    summary,
    actors,
    background,
    related: structure.related,
  };
  const file = toArticleFile(draft);
  const problem = validateDraft(file);
  if (problem) throw new ImportError(`the draft would not load: ${problem}`);
  return { draft, yaml: toYaml(file, options.source ?? "text"), original: text, notes };
}
