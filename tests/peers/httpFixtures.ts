import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { ROOT } from "../helpers/core.js";

/**
 * A local web server on 127.0.0.1 for the importer's tests: serves the fixture
 * pages and feeds of tests/fixtures/articles (feeds with `{{BASE}}` replaced by
 * the server's address), answers conditional GETs (ETag, Last-Modified) with
 * 304, records every request, and can be told to fail a path.
 */
export const FIXTURE_DIR = join(ROOT, "tests/fixtures/articles");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".rss": "application/rss+xml; charset=utf-8",
  ".atom": "application/atom+xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface HttpRequestSeen {
  path: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  status: number;
}

export interface HttpFixtures {
  base: string;
  requests: HttpRequestSeen[];
  /** Answer this path with the given status until told otherwise (undefined: serve normally). */
  failPath(path: string, status: number | undefined): void;
  /** Serve `body` at `path` instead of a fixture file (a feed changed, a new page). */
  setBody(path: string, body: string, type?: string): void;
  close(): Promise<void>;
}

const LAST_MODIFIED = "Mon, 06 Nov 2023 08:20:00 GMT";

export async function startHttpFixtures(): Promise<HttpFixtures> {
  const requests: HttpRequestSeen[] = [];
  const failing = new Map<string, number>();
  const overrides = new Map<string, { body: string; type: string }>();
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const seen: HttpRequestSeen = {
      path,
      ...(req.headers["if-none-match"] ? { ifNoneMatch: String(req.headers["if-none-match"]) } : {}),
      ...(req.headers["if-modified-since"] ? { ifModifiedSince: String(req.headers["if-modified-since"]) } : {}),
      status: 200,
    };
    requests.push(seen);
    const fail = failing.get(path);
    if (fail) {
      seen.status = fail;
      res.writeHead(fail, { "content-type": "text/plain" }).end("failing on purpose");
      return;
    }
    let body: string;
    let type: string;
    const override = overrides.get(path);
    if (override) ({ body, type } = override);
    else {
      const ext = path.slice(path.lastIndexOf("."));
      try {
        body = readFileSync(join(FIXTURE_DIR, path.replace(/^\/+/, "").replace(/\.\./g, "")), "utf8").replaceAll("{{BASE}}", base);
      } catch {
        seen.status = 404;
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      type = TYPES[ext] ?? "application/octet-stream";
    }
    const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
    if (req.headers["if-none-match"] === etag || (!override && req.headers["if-modified-since"] === LAST_MODIFIED && !req.headers["if-none-match"])) {
      seen.status = 304;
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { "content-type": type, etag, ...(override ? {} : { "last-modified": LAST_MODIFIED }) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    failPath: (path, status) => (status === undefined ? failing.delete(path) : failing.set(path, status)),
    setBody: (path, body, type = "application/rss+xml; charset=utf-8") => overrides.set(path, { body, type }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
