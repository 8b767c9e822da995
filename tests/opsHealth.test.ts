import { describe, expect, it } from "vitest";
import { ContentLibrary, loadLibrary } from "../src/content/loader.js";
import { Health } from "../src/ops/health.js";
import { digestsTotal, metrics, updatesTotal } from "../src/ops/metrics.js";
import { contentVersionOf } from "../src/ops/operations.js";
import { CONTENT_DIR, ROOT } from "./helpers/core.js";

describe("health parts", () => {
  it("GIVEN no part has reported THEN the bot counts as healthy (nothing is known to fail)", () => {
    expect(new Health().report()).toEqual({ ok: true, parts: {} });
  });

  it("GIVEN one failing part among working ones THEN the report is not ok and names that part with its reason", () => {
    const health = new Health();
    health.set("content", true);
    health.set("store", false, "database is locked");
    health.set("telegram", true);
    expect(health.report()).toEqual({
      ok: false,
      parts: { content: { ok: true }, store: { ok: false, reason: "database is locked" }, telegram: { ok: true } },
    });
  });

  it("GIVEN a part that failed and then recovered THEN the report is ok again and the old reason is gone", () => {
    const health = new Health();
    health.set("store", false, "gone");
    health.set("store", true, "ignored when ok");
    expect(health.report()).toEqual({ ok: true, parts: { store: { ok: true } } });
  });

  it("GIVEN a platform expected but not yet connected THEN it fails until it reports, and expect never overrides a report", () => {
    const health = new Health();
    health.expect("discord", "connecting");
    expect(health.report().parts.discord).toEqual({ ok: false, reason: "connecting" });
    health.set("discord", true);
    health.expect("discord");
    expect(health.report().ok).toBe(true);
  });
});

describe("metrics registry", () => {
  it("GIVEN counted updates and digests THEN the Prometheus text carries them with their labels and the kabar_ prefix", async () => {
    updatesTotal.inc({ platform: "telegram", kind: "text" });
    digestsTotal.inc({ outcome: "sent" }, 2);
    const text = await metrics.metrics();
    expect(text).toMatch(/^kabar_updates_total\{platform="telegram",kind="text"\} [1-9]/m);
    expect(text).toMatch(/^kabar_digests_total\{outcome="sent"\} [2-9]/m);
    // Default process metrics are there too, under the same prefix.
    expect(text).toMatch(/^kabar_process_resident_memory_bytes /m);
    // Every series is ours: nothing without the prefix.
    const names = text.split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split(/[{ ]/)[0]!);
    expect(names.filter((n) => !n.startsWith("kabar_"))).toEqual([]);
  });
});

describe("content version", () => {
  it("GIVEN the same articles loaded twice THEN the same version (instances agree), and another library gives another", () => {
    const first = loadLibrary(CONTENT_DIR, ROOT);
    const again = loadLibrary(CONTENT_DIR, ROOT);
    expect(contentVersionOf(again)).toBe(contentVersionOf(first));
    const fewer = new ContentLibrary(first.articles.slice(0, 1).map((a) => ({ ...a, id: `${a.id}-changed` })));
    expect(contentVersionOf(fewer)).not.toBe(contentVersionOf(first));
    expect(contentVersionOf(first)).toBeGreaterThan(0);
  });
});
