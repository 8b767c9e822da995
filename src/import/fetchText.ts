/**
 * The network edge of the importer: one GET, with the validators of the last
 * answer (conditional GET: ETag / Last-Modified), a timeout and a size cap.
 */
export interface Fetched {
  /** 200 with a body, or 304 (not modified) without one. */
  status: 200 | 304;
  body?: string;
  contentType?: string;
  etag?: string;
  lastModified?: string;
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export class FetchError extends Error {
  override name = "FetchError";
}

const MAX_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 15_000;
const USER_AGENT = "kabar-importer/0.1 (+https://github.com/; news bot)";

export async function fetchText(url: string, validators: Validators = {}, options: { timeoutMs?: number; maxBytes?: number } = {}): Promise<Fetched> {
  const headers: Record<string, string> = { "user-agent": USER_AGENT, accept: "text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5" };
  if (validators.etag) headers["if-none-match"] = validators.etag;
  if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
  let response: Response;
  try {
    response = await fetch(url, { headers, redirect: "follow", signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS) });
  } catch (err) {
    const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    throw new FetchError(`cannot fetch ${url}: ${cause}`);
  }
  if (response.status === 304) return { status: 304 };
  if (!response.ok) {
    await response.body?.cancel();
    throw new FetchError(`cannot fetch ${url}: HTTP ${response.status}`);
  }
  const max = options.maxBytes ?? MAX_BYTES;
  const length = Number(response.headers.get("content-length") ?? 0);
  if (length > max) {
    await response.body?.cancel();
    throw new FetchError(`cannot fetch ${url}: ${length} bytes is over the ${max}-byte limit`);
  }
  // Read in chunks so a page without Content-Length cannot exhaust memory either.
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > max) throw new FetchError(`cannot fetch ${url}: over the ${max}-byte limit`);
    chunks.push(chunk);
  }
  const etag = response.headers.get("etag") ?? undefined;
  const lastModified = response.headers.get("last-modified") ?? undefined;
  const contentType = response.headers.get("content-type") ?? undefined;
  return {
    status: 200,
    body: Buffer.concat(chunks).toString("utf8"),
    ...(contentType ? { contentType } : {}),
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
  };
}

/** An XML feed rather than a page: by content type, else by the first tag. */
export function looksLikeFeed(body: string, contentType?: string): boolean {
  if (contentType && /(rss|atom)\+xml|\/xml\b/i.test(contentType)) return true;
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)\b/i.test(body);
}
