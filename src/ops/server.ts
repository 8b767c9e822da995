import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import type { Health, HealthReport } from "./health.js";

/**
 * The operations endpoint on HTTP_PORT:
 * - GET /healthz: 200 while the process runs (a liveness check: restart when it fails);
 * - GET /readyz: 200 when every part works, else 503 naming the parts that do not
 *   (a readiness check: send no traffic, raise an alert). Probes (the store's
 *   ping) run on each request, so a vanished database turns it red at once;
 * - GET /metrics: the Prometheus text of `registry`.
 * Other routes can be added to the same server (the Telegram webhook when
 * HTTP_PORT equals PORT): one port, one server.
 */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface OpsServerOptions {
  health: Health;
  registry: Registry;
  /** Checks run on every /readyz; a throw marks that part failed with the error's message as reason. */
  probes?: Record<string, () => Promise<void>>;
  /** Refreshes gauges read from elsewhere (article count) just before a scrape. */
  beforeScrape?: () => void;
  /** A probe slower than this counts as failed (a hung database must not hang the check). */
  probeTimeoutMs?: number;
}

export class OpsServer {
  private readonly routes: HttpRoute[] = [];
  private server?: Server;
  /** Concurrent /readyz requests share one round of probes instead of each writing to the store. */
  private probing?: Promise<HealthReport>;

  constructor(private readonly options: OpsServerOptions) {
    this.routes.push((req, res) => this.serveOps(req, res));
  }

  /** Serves `route` on this server too; routes added later are tried first. Returns its removal. */
  add(route: HttpRoute): () => void {
    this.routes.unshift(route);
    return () => {
      const at = this.routes.indexOf(route);
      if (at >= 0) this.routes.splice(at, 1);
    };
  }

  /** The request listener: the first route that takes the request answers it; 404 otherwise. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    for (const route of this.routes) if (route(req, res)) return;
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  };

  async listen(port: number, host = "0.0.0.0"): Promise<void> {
    const server = createServer(this.handle);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
  }

  /** Stops listening; keep-alive connections (a scraper's) are closed so shutdown does not wait for them. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise((resolve) => {
      server.close(resolve);
      server.closeIdleConnections();
    });
  }

  /** Runs the probes, records their outcome in Health, and returns the whole report. */
  readiness(): Promise<HealthReport> {
    this.probing ??= this.runProbes().finally(() => (this.probing = undefined));
    return this.probing;
  }

  private async runProbes(): Promise<HealthReport> {
    const { health, probes = {}, probeTimeoutMs = 3_000 } = this.options;
    await Promise.all(
      Object.entries(probes).map(async ([part, probe]) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${probeTimeoutMs} ms`)), probeTimeoutMs);
        });
        try {
          await Promise.race([probe(), timeout]);
          health.set(part, true);
        } catch (err) {
          health.set(part, false, err instanceof Error ? err.message : String(err));
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    return health.report();
  }

  private serveOps(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? "").split("?")[0];
    if (path !== "/healthz" && path !== "/readyz" && path !== "/metrics") return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return true;
    }
    const fail = (err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`${err instanceof Error ? err.message : String(err)}\n`);
    };
    if (path === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
    } else if (path === "/readyz") {
      this.readiness().then((report) => {
        res.writeHead(report.ok ? 200 : 503, { "content-type": "application/json" }).end(`${JSON.stringify(report)}\n`);
      }, fail);
    } else {
      this.options.beforeScrape?.();
      this.options.registry.metrics().then((text) => {
        res.writeHead(200, { "content-type": this.options.registry.contentType }).end(text);
      }, fail);
    }
    return true;
  }
}
