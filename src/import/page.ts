import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { placesIn } from "./actors.js";
import type { SourceMeta } from "./importText.js";
import { isQuestionHeading } from "./structure.js";

/**
 * An article page -> its main text, one paragraph a line, in the shape the
 * text importer reads, plus what the page's metadata says (og:, article:,
 * meta author, JSON-LD). Readability (Firefox Reader View) finds the main
 * text; what the text means is left to the pipeline. Pure: no network here.
 */
export interface PageText {
  text: string;
  meta: SourceMeta;
}

/** Something the importer cannot read: one line saying why. */
export class PageError extends Error {
  override name = "PageError";
}

type Doc = ReturnType<typeof parseHTML>["document"];

const BLOCKS = "p, h2, h3, h4, h5, li, blockquote";

function metaContent(document: Doc, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const el = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = el?.getAttribute("content")?.trim();
    if (value) return value;
  }
  return undefined;
}

/** The first JSON-LD NewsArticle/Article object, if the page has a simple one. */
function jsonLd(document: Doc): Record<string, unknown> | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? "");
      const list = Array.isArray(data) ? data : [data];
      const found = list.find((d) => typeof d === "object" && d !== null && /Article/.test(String((d as Record<string, unknown>)["@type"])));
      if (found) return found as Record<string, unknown>;
    } catch {
      // A broken JSON-LD block is the page's problem; the other metadata still counts.
    }
  }
  return undefined;
}

function nameOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return first.trim() || undefined;
  if (first && typeof first === "object" && typeof (first as { name?: unknown }).name === "string") return (first as { name: string }).name.trim() || undefined;
  return undefined;
}

const BYLINE = /^(?:penulis|editor|oleh|reporter|laporan wartawan|penyunting)\s*:/iu;
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

/** The main text's blocks as lines: question headings stay, headings naming a country or organisation become `- Name` lines. */
function linesOf(contentHtml: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  const out: string[] = [];
  for (const el of document.querySelectorAll(BLOCKS)) {
    // Nested blocks (a p inside a blockquote or li) are read once, at the innermost level.
    if (el.querySelector(BLOCKS)) continue;
    const text = oneLine(el.textContent ?? "");
    // Bylines and editor lines are page furniture; the credit comes from metadata or the closing (Outlet/Author) line.
    if (!text || BYLINE.test(text)) continue;
    if (/^H[2-5]$/.test(el.tagName)) {
      if (isQuestionHeading(text)) out.push(text);
      else if (placesIn(text).length > 0) out.push(`- ${text.replace(/^[-–—•]\s*/, "")}`);
      continue;
    }
    out.push(text);
  }
  return out;
}

export function pageToText(html: string, url?: string): PageText {
  const { document } = parseHTML(html);
  const ld = jsonLd(document);
  const meta: SourceMeta = {};
  const title = metaContent(document, "og:title", "twitter:title") ?? (typeof ld?.headline === "string" ? ld.headline : undefined);
  const author = metaContent(document, "author", "article:author") ?? nameOf(ld?.author);
  const date = metaContent(document, "article:published_time", "datePublished", "pubdate") ?? (typeof ld?.datePublished === "string" ? ld.datePublished : undefined);
  const outlet = metaContent(document, "og:site_name") ?? nameOf(ld?.publisher);
  const canonical = metaContent(document, "og:url") ?? document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? url;

  // Readability changes the document it reads: metadata first, then the main text.
  const article = new Readability(document as never).parse();
  if (!article?.content) throw new PageError("found no article text in the page");
  const lines = linesOf(article.content);
  if (lines.length === 0) throw new PageError("found no paragraphs in the page's article text");
  const finalTitle = title ?? article.title ?? undefined;
  if (finalTitle) meta.title = oneLine(finalTitle);
  const finalAuthor = author ?? article.byline ?? undefined;
  if (finalAuthor) meta.author = oneLine(finalAuthor);
  const finalDate = date ?? article.publishedTime ?? undefined;
  if (finalDate) meta.date = finalDate;
  const finalOutlet = outlet ?? article.siteName ?? undefined;
  if (finalOutlet) meta.outlet = oneLine(finalOutlet);
  if (canonical && /^https?:\/\//.test(canonical)) meta.url = canonical;
  return { text: `${lines.join("\n")}\n`, meta };
}
