import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { type Article, paragraphsOf } from "./article.js";
import { fillMissingEnglish } from "./englishFallback.js";
import { ContentError } from "./contentError.js";
import { isContentDirectory, MAX_ARTICLE_YAML_BYTES, MAX_ORIGINAL_BYTES, readContentText } from "./contentFiles.js";
import { articleSchema, type ArticleFile } from "./schema.js";

export { ContentError };

export const ARTICLE_FILE = "article.yaml";
export const ORIGINAL_FILE = "original.txt";

/** The articles being served, newest first. Immutable: a reload builds a new one. */
export class ContentLibrary {
  readonly articles: readonly Article[];

  constructor(articles: Article[]) {
    if (articles.length === 0) throw new Error("a content library needs at least one article");
    this.articles = [...articles].sort(
      (a, b) => b.eventsDate.localeCompare(a.eventsDate) || a.id.localeCompare(b.id),
    );
  }

  newest(): Article {
    return this.articles[0]!;
  }

  /** The article with this id (or short key), or the newest when none is given; undefined for an unknown one. */
  get(id?: string): Article | undefined {
    if (!id) return this.newest();
    return this.articles.find((a) => a.id === id) ?? this.articles.find((a) => articleKey(a.id) === id);
  }
}

/**
 * A short, stable stand-in for an article id, for places with little room:
 * Telegram's 64-byte callback data cannot hold "reaction" + an actor + a 64-character id.
 */
export function articleKey(id: string): string {
  return `~${createHash("sha1").update(id).digest("hex").slice(0, 8)}`;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

function firstIssue(error: z.ZodError): { field: string; problem: string } {
  const issue = error.issues[0]!;
  const field = fieldPath(issue.path);
  let problem = issue.message;
  // Stryker disable next-line ConditionalExpression: only an invalid_type issue says "received undefined"; the code is checked to say so.
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) problem = "is missing";
  if (issue.code === "unrecognized_keys") problem = `unknown field(s) ${issue.keys.join(", ")}`;
  // A bad record key (an actor id) carries the schema's rule inside; zod's own message only says "Invalid key in record".
  if (issue.code === "invalid_key" && issue.issues[0]) problem = issue.issues[0].message;
  return { field, problem };
}

/** How many alias expansions an article.yaml may make (yaml's own default is 100). */
export const MAX_YAML_ALIASES = 100;

/** How deep `[` / `{` may nest in an article.yaml; the article's own shape needs three. */
export const MAX_YAML_NESTING = 64;

/**
 * Where the `[` / `{` nesting first passes MAX_YAML_NESTING, as "line L, column C". The yaml parser recurses per
 * level: thousands of levels overflow its stack, and a run of such overflows in one process (a hot reload retried on
 * a bad file) once ended in a V8 out-of-memory abort instead of an error. Counted on the raw text, quotes included:
 * a real article never holds 64 unclosed brackets.
 */
function tooDeep(source: string): string | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_YAML_NESTING) return `line ${line}, column ${i - lineStart + 1}`;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}

/**
 * Loads and validates one article folder. The loader's promise is one line
 * naming a file: whatever else a folder makes fail (a bug included) is still
 * reported as a ContentError on that folder.
 */
export function loadArticle(dir: string, root = process.cwd()): Article {
  try {
    return readArticle(dir, root);
  } catch (err) {
    if (err instanceof ContentError) throw err;
    throw new ContentError(relative(root, dir) || dir, "", `cannot be loaded: ${String(err)}`);
  }
}

/** Loads and validates one article folder; throws ContentError on the first problem. */
function readArticle(dir: string, root: string): Article {
  const yamlPath = join(dir, ARTICLE_FILE);
  const originalPath = join(dir, ORIGINAL_FILE);
  const shown = (p: string) => relative(root, p) || p;

  const source = readContentText(yamlPath, shown(yamlPath), MAX_ARTICLE_YAML_BYTES, "cannot be read (is the file there?)");
  const deep = tooDeep(source);
  if (deep) throw new ContentError(shown(yamlPath), deep, `invalid YAML: brackets nested deeper than ${MAX_YAML_NESTING} levels`);
  // Stryker disable next-line ObjectLiteral: prettyErrors is yaml 2's default; said here because the line positions below rely on it.
  const doc = parseDocument(source, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    // Stryker disable next-line OptionalChaining: with prettyErrors every yaml error has its line position; the guard is for the type only.
    const line = err.linePos?.[0];
    throw new ContentError(
      shown(yamlPath),
      // Stryker disable next-line StringLiteral: as above, every yaml error has its line position; the empty one is for the type only.
      line ? `line ${line.line}, column ${line.col}` : "",
      `invalid YAML: ${err.message.split("\n")[0]}`,
    );
  }
  let plain: unknown;
  try {
    // A few aliases are fine; a chain of them that multiplies (a "billion laughs") is an attack on memory.
    // Stryker disable next-line ObjectLiteral: MAX_YAML_ALIASES is yaml's default too; passed so the cap does not hang on a library default.
    plain = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    throw new ContentError(shown(yamlPath), "", `YAML aliases cannot be resolved: ${(err as Error).message}`);
  }
  const parsed = articleSchema.safeParse(plain);
  if (!parsed.success) {
    const { field, problem } = firstIssue(parsed.error);
    throw new ContentError(shown(yamlPath), field, problem);
  }
  const data: ArticleFile = parsed.data;

  const original = readContentText(
    originalPath,
    shown(originalPath),
    MAX_ORIGINAL_BYTES,
    "cannot be read: every article needs its original text",
  );

  const actorIds = new Set(Object.keys(data.actors));
  for (const [actorId, actor] of Object.entries(data.actors)) {
    actor.quotes.forEach((quote, i) => {
      if (!original.includes(quote.text)) {
        throw new ContentError(
          shown(yamlPath),
          `actors.${actorId}.quotes[${i}].text`,
          `is not verbatim in ${ORIGINAL_FILE}; quotes must be copied character for character`,
        );
      }
    });
  }
  data.background.forEach((section, i) => {
    section.actors.forEach((ref, j) => {
      if (!actorIds.has(ref)) {
        throw new ContentError(
          shown(yamlPath),
          `background[${i}].actors[${j}]`,
          `actor "${ref}" does not exist (known: ${[...actorIds].join(", ")})`,
        );
      }
    });
  });
  if (data.translation) {
    const expected = paragraphsOf(original).length;
    if (data.translation.en.length !== expected) {
      throw new ContentError(
        shown(yamlPath),
        "translation.en",
        `has ${data.translation.en.length} paragraphs; ${ORIGINAL_FILE} has ${expected} (one rendering per non-empty line, in order)`,
      );
    }
  }
  const sectionIds = data.background.map((s) => s.id);
  const dup = sectionIds.find((id, i) => sectionIds.indexOf(id) !== i);
  if (dup) throw new ContentError(shown(yamlPath), "background", `section id "${dup}" appears twice`);

  const { pending, ...localized } = fillMissingEnglish(data);
  return {
    id: data.id,
    status: data.status,
    englishPending: pending,
    dir,
    eventsDate: data.events_date,
    language: data.language,
    outlet: data.outlet,
    author: data.author,
    ...(data.url ? { url: data.url } : {}),
    ...localized,
    related: data.related,
    original,
    ...(data.translation ? { translation: data.translation } : {}),
  };
}

/**
 * Loads every article folder under `contentDir`, drafts included (what
 * `content:check` validates). All or nothing: the first problem throws.
 */
export function loadAllArticles(contentDir: string, root = process.cwd()): Article[] {
  let entries: string[];
  try {
    // Stryker disable next-line MethodExpression: Node's readdir (libuv's scandir) already sorts names by byte on Linux and macOS, so no test here can see this sort; on Windows the file system decides the order.
    entries = readdirSync(contentDir).sort();
  } catch {
    throw new ContentError(relative(root, contentDir) || contentDir, "", "content folder cannot be read");
  }
  const dirs = entries
    // Dot-folders are hidden: the importer writes a folder under a dot-name, then renames it into place.
    .filter((name) => !name.startsWith("."))
    .map((name) => join(contentDir, name))
    .filter((p) => isContentDirectory(p, relative(root, p) || p));
  const articles = dirs.map((dir) => loadArticle(dir, root));
  if (articles.length === 0) {
    throw new ContentError(relative(root, contentDir) || contentDir, "", `holds no article folder (each needs ${ARTICLE_FILE} and ${ORIGINAL_FILE})`);
  }
  const ids = articles.map((a) => a.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new ContentError(relative(root, contentDir) || contentDir, "id", `article id "${dup}" is used by two folders`);
  return articles;
}

/**
 * The library served: every folder validated (a broken draft still stops the
 * load), drafts left out. All or nothing, so a broken folder is never half-served.
 */
export function loadLibrary(contentDir: string, root = process.cwd()): ContentLibrary {
  const published = loadAllArticles(contentDir, root).filter((a) => a.status === "published");
  if (published.length === 0) {
    throw new ContentError(relative(root, contentDir) || contentDir, "", "holds no published article (every folder is a draft: set status: published)");
  }
  return new ContentLibrary(published);
}
