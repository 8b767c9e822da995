import { afterEach, describe, expect, it } from "vitest";
import { Counter, Registry } from "prom-client";
import { Health, type HealthReport } from "../src/ops/health.js";
import { OpsServer } from "../src/ops/server.js";
import { freePort } from "./peers/telegramPeer.js";

/** The operations endpoint over real HTTP on 127.0.0.1, with its own registry and probes. */
let server: OpsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(options: Partial<ConstructorParameters<typeof OpsServer>[0]> = {}): Promise<{ url: string; health: Health }> {
  const health = options.health ?? new Health();
  server = new OpsServer({ health, registry: options.registry ?? new Registry(), ...options });
  const port = await freePort();
  await server.listen(port, "127.0.0.1");
  return { url: `http://127.0.0.1:${port}`, health };
}

describe("operations endpoint", () => {
  it("GIVEN a running process THEN /healthz answers 200 ok, whatever the parts say", async () => {
    const { url, health } = await serve();
    health.set("store", false, "gone");
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok\n");
  });

  it("GIVEN every part working THEN /readyz answers 200 with each part listed", async () => {
    const { url, health } = await serve({ probes: { store: async () => undefined } });
    health.set("content", true);
    health.set("telegram", true);
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, parts: { content: { ok: true }, store: { ok: true }, telegram: { ok: true } } });
  });

  it("GIVEN a store probe that throws THEN /readyz answers 503 naming the store and its reason, and 200 once it works again", async () => {
    let failure: Error | undefined = new Error("database file /data/kabar.db is gone");
    const { url } = await serve({
      probes: {
        store: async () => {
          if (failure) throw failure;
        },
      },
    });
    const red = await fetch(`${url}/readyz`);
    expect(red.status).toBe(503);
    expect(await red.json()).toEqual({ ok: false, parts: { store: { ok: false, reason: "database file /data/kabar.db is gone" } } });
    failure = undefined;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it("GIVEN a store probe that hangs THEN /readyz answers 503 within the probe timeout instead of hanging", async () => {
    const { url } = await serve({ probes: { store: () => new Promise(() => undefined) }, probeTimeoutMs: 50 });
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as HealthReport).parts.store?.reason).toBe("no answer within 50 ms");
  });

  it("GIVEN a platform expected but not connected THEN /readyz is 503 naming it", async () => {
    const { url, health } = await serve();
    health.expect("discord", "connecting");
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as HealthReport).parts.discord).toEqual({ ok: false, reason: "connecting" });
  });

  it("GIVEN a counter in the registry THEN /metrics serves it as Prometheus text, refreshed just before the scrape", async () => {
    const registry = new Registry();
    const counter = new Counter({ name: "kabar_test_total", help: "test", registers: [registry] });
    const { url } = await serve({ registry, beforeScrape: () => counter.inc() });
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect(await res.text()).toContain("kabar_test_total 1");
  });

  it("GIVEN a route added for the webhook path THEN it answers there, the ops paths still answer, and unknown paths are 404", async () => {
    const { url } = await serve();
    const remove = server!.add((req, res) => {
      if (req.url !== "/hook") return false;
      res.writeHead(200).end("hook");
      return true;
    });
    expect(await (await fetch(`${url}/hook`, { method: "POST" })).text()).toBe("hook");
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404);
    remove();
    expect((await fetch(`${url}/hook`, { method: "POST" })).status).toBe(404);
  });

  it("GIVEN a POST to /metrics THEN 405 (the ops paths are read-only)", async () => {
    const { url } = await serve();
    expect((await fetch(`${url}/metrics`, { method: "POST" })).status).toBe(405);
  });
});
