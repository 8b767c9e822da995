import { parseFeed } from "feedsmith";

/**
 * A feed (RSS or Atom) -> its items: the key that says "imported before"
 * (guid/id, else the link), the page to fetch, and what the feed says about
 * the item (title, date, author). Pure: no network here.
 */
export interface FeedItem {
  key: string;
  link: string;
  title?: string;
  date?: string;
  author?: string;
}

export class FeedError extends Error {
  override name = "FeedError";
}

type Loose = Record<string, unknown> | undefined;
const str = (v: unknown): string | undefined => {
  if (typeof v === "string") return v.trim() || undefined;
  if (v && typeof v === "object" && typeof (v as { value?: unknown }).value === "string") return str((v as { value: string }).value);
  return undefined;
};

export function parseFeedItems(xml: string): FeedItem[] {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(xml);
  } catch (err) {
    throw new FeedError(`not an RSS or Atom feed (${err instanceof Error ? err.message.split("\n")[0] : String(err)})`);
  }
  const items: FeedItem[] = [];
  if (parsed.format === "rss" || parsed.format === "rdf") {
    for (const item of (parsed.feed.items ?? []) as Loose[]) {
      const link = str(item?.link);
      const key = str(item?.guid) ?? link;
      if (!link || !key) continue;
      const author = str((item?.authors as unknown[] | undefined)?.[0]) ?? str((item?.dc as Loose)?.creator);
      const date = str(item?.pubDate) ?? str((item?.dc as Loose)?.date);
      items.push({ key, link, ...optional("title", str(item?.title)), ...optional("date", date), ...optional("author", author) });
    }
  } else if (parsed.format === "atom") {
    for (const entry of (parsed.feed.entries ?? []) as Loose[]) {
      const links = (entry?.links ?? []) as Array<{ href?: string; rel?: string }>;
      const link = (links.find((l) => !l.rel || l.rel === "alternate") ?? links[0])?.href;
      const key = str(entry?.id) ?? link;
      if (!link || !key) continue;
      const author = (entry?.authors as Array<{ name?: string }> | undefined)?.[0]?.name;
      const date = str(entry?.published) ?? str(entry?.updated);
      items.push({ key, link, ...optional("title", str(entry?.title)), ...optional("date", date), ...optional("author", author) });
    }
  } else {
    throw new FeedError(`a ${parsed.format} feed: only RSS and Atom are read`);
  }
  return items;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}
