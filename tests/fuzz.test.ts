import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ContentError, loadLibrary } from "../src/content/loader.js";
import { MAX_QUESTION_CHARS } from "../src/core/kabar.js";
import type { Reply, ReplyKind } from "../src/core/reply.js";
import { EMBED_LIMITS, embedSize } from "../src/platforms/discord/embeds.js";
import { MAX_MESSAGES_PER_REPLY } from "../src/core/replyLimits.js";
import { renderReply } from "../src/platforms/discord/render.js";
import { renderTelegramHtml, TELEGRAM_MESSAGE_LIMIT } from "../src/platforms/telegram/html.js";
import { article, CONTENT_DIR, testKabar } from "./helpers/core.js";
import { checkTelegramHtml } from "./peers/telegramHtmlCheck.js";

/**
 * Properties over generated input, in the suite: a fixed seed, so a failure
 * is the same failure on every machine (fast-check prints the seed and the
 * shrunk counterexample), and bounded runs, so the whole file takes seconds.
 */
export const FUZZ_SEED = 20261201;
const runs = (numRuns: number) => ({ seed: FUZZ_SEED, numRuns });

/** Text a hostile or careless user might send: any code point, markup, entities, mentions, the article's own words. */
const words = [...new Set(`${article.original} ${article.actors.flatMap((a) => [...a.aliases.id, ...a.aliases.en]).join(" ")}`.split(/\s+/))].slice(0, 400);
const hostileBits = ["<b>", "</i>", "&amp;", "&", "<", ">", "@everyone", "<@123>", "\u202e", "\u2066", "\u200b", "\ud83c\udde7\ud83c\uddf7", "\n\n", "*", "_", "`", "\\", "/reaction", "#", "> "];
const hostileText = (maxLength: number) =>
  fc
    .array(fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom(...words), fc.constantFrom(...hostileBits)), { maxLength: maxLength / 4 })
    .map((parts) => parts.join(" ").slice(0, maxLength));

describe("fuzz: understanding", () => {
  const kabar = testKabar();
  it("GIVEN any text up to the length limit THEN understanding never throws and takes under 5 ms", () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(MAX_QUESTION_CHARS), fc.string({ unit: "binary", maxLength: MAX_QUESTION_CHARS })), (text) => {
        // The best of three: another process taking the CPU for a moment is not the code's cost.
        let best = Infinity;
        for (let i = 0; i < 3; i++) {
          const started = performance.now();
          kabar.understandUncached(text, "id");
          best = Math.min(best, performance.now() - started);
        }
        expect(best).toBeLessThan(5);
      }),
      runs(300),
    );
  });
});

const kinds: ReplyKind[] = ["summary", "reaction", "background", "quote", "actors", "source", "help", "not_found", "unknown", "digest", "notice", "error"];
const anyReply: fc.Arbitrary<Reply> = fc.record(
  {
    kind: fc.constantFrom(...kinds),
    lang: fc.constantFrom("id" as const, "en" as const),
    title: hostileText(400),
    blocks: fc.array(hostileText(6000), { maxLength: 8 }),
    quotes: fc.array(
      fc.record({
        speaker: hostileText(300),
        role: hostileText(300),
        text: hostileText(3000),
        textLang: fc.constantFrom("id" as const, "en" as const),
        translation: fc.option(hostileText(3000), { nil: undefined }),
      }),
      { maxLength: 6 },
    ),
    fields: fc.array(fc.record({ name: hostileText(400), value: hostileText(2500) }), { maxLength: 30 }),
    source: fc.option(hostileText(2500), { nil: undefined }),
    followUps: fc.array(
      fc.record({
        label: hostileText(100),
        call: fc.record({ command: fc.constantFrom("reaction", "summary", "background"), lang: fc.constantFrom("id" as const, "en" as const), args: fc.dictionary(fc.constantFrom("actor", "topic", "article"), fc.string({ maxLength: 30 })) }),
      }),
      { maxLength: 12 },
    ),
    emoji: fc.option(fc.constantFrom("🇫🇷", "🇺🇳", "🇷🇺"), { nil: undefined }),
    color: fc.option(fc.integer({ min: 0, max: 0xffffff }), { nil: undefined }),
    eventsDate: fc.option(fc.constantFrom("2023-09-20", "2024-02-29", "0001-01-01"), { nil: undefined }),
    private: fc.option(fc.boolean(), { nil: undefined }),
  },
  { requiredKeys: ["kind", "lang", "title", "blocks", "quotes", "fields", "followUps"] },
) as fc.Arbitrary<Reply>;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("fuzz: Telegram renderer", () => {
  it("GIVEN any Reply THEN every message is HTML Telegram accepts, at most 4,096 characters once parsed, and at most 3 messages", () => {
    fc.assert(
      fc.property(anyReply, (reply) => {
        const messages = renderTelegramHtml(reply);
        expect(messages.length).toBeLessThanOrEqual(MAX_MESSAGES_PER_REPLY);
        const clean = !LONE_SURROGATE.test(JSON.stringify(reply));
        for (const html of messages) {
          expect(checkTelegramHtml(html)).toBeUndefined();
          expect(html.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
          // Splitting never cuts a character in two (an emoji is two UTF-16 units).
          if (clean) expect(LONE_SURROGATE.test(html)).toBe(false);
        }
      }),
      runs(150),
    );
  });
});

describe("fuzz: Discord renderer", () => {
  it("GIVEN any Reply THEN every embed limit holds, nothing can ping, and at most 3 messages", () => {
    fc.assert(
      fc.property(anyReply, (reply) => {
        const messages = renderReply(reply);
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.length).toBeLessThanOrEqual(MAX_MESSAGES_PER_REPLY);
        for (const m of messages) {
          expect(m.allowedMentions).toEqual({ parse: [], repliedUser: false });
          expect(m.embeds.length).toBeGreaterThan(0);
          expect(m.embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.embedsPerMessage);
          expect(m.embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(EMBED_LIMITS.total);
          expect((m.content ?? "").length).toBeLessThanOrEqual(2000);
          for (const e of m.embeds) {
            expect(e.title?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.title);
            expect(e.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
            expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.footer);
            expect(e.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.fields);
            for (const f of e.fields ?? []) {
              expect(f.name.length).toBeGreaterThan(0);
              expect(f.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
              expect(f.value.length).toBeGreaterThan(0);
              expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
            }
            // An embed with nothing in it is rejected by Discord.
            expect(Boolean(e.title || e.description || e.fields?.length || e.footer)).toBe(true);
          }
          expect(m.components.length).toBeLessThanOrEqual(5);
          for (const row of m.components) expect(row.components.length).toBeLessThanOrEqual(5);
        }
      }),
      runs(150),
    );
  });
});

const FOLDER = "2023-09-20-karabakh-reactions";
type Mutation =
  | { kind: "flip"; file: "article.yaml" | "original.txt"; at: number; byte: number }
  | { kind: "cut"; file: "article.yaml" | "original.txt"; at: number }
  | { kind: "insert"; file: "article.yaml" | "original.txt"; at: number; text: string }
  | { kind: "dropLine"; at: number }
  | { kind: "swapLines"; a: number; b: number }
  | { kind: "remove"; file: "article.yaml" | "original.txt" }
  | { kind: "loop"; file: "article.yaml" | "original.txt" };

const file = fc.constantFrom("article.yaml" as const, "original.txt" as const);
const yamlBits = ["&a [x]", "*a", "<<: *a", "!!binary", "? ", "- ", ": ", "{", "}", "[", "]", "\t", "---", "...", "%YAML 1.1", "!!js/function", "\"", "'", "#", "9999-99-99", "2023-02-30", "~", "null", "\ufeff", "\u0000"];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), file, at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("cut" as const), file, at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), file, at: fc.nat(), text: fc.oneof(fc.constantFrom(...yamlBits), fc.string({ unit: "binary", maxLength: 12 })) }),
  fc.record({ kind: fc.constant("dropLine" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swapLines" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant("remove" as const), file }),
  fc.record({ kind: fc.constant("loop" as const), file }),
);

function apply(dir: string, m: Mutation): void {
  const path = (name: string) => join(dir, FOLDER, name);
  switch (m.kind) {
    case "flip":
    case "cut":
    case "insert": {
      const bytes = readFileSync(path(m.file));
      const at = m.at % (bytes.length + 1);
      const next =
        m.kind === "flip"
          ? Buffer.from(bytes.map((b, i) => (i === at ? m.byte : b)))
          : m.kind === "cut"
            ? bytes.subarray(0, at)
            : Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text), bytes.subarray(at)]);
      writeFileSync(path(m.file), next);
      return;
    }
    case "dropLine":
    case "swapLines": {
      const lines = readFileSync(path("article.yaml"), "utf8").split("\n");
      if (m.kind === "dropLine") lines.splice(m.at % lines.length, 1);
      else {
        const [a, b] = [m.a % lines.length, m.b % lines.length];
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      }
      writeFileSync(path("article.yaml"), lines.join("\n"));
      return;
    }
    case "remove":
      rmSync(path(m.file));
      return;
    case "loop":
      rmSync(path(m.file));
      symlinkSync(path(m.file), path(m.file));
  }
}

describe("fuzz: content loader", () => {
  it("GIVEN any mutated copy of the bundled folder THEN it loads, or fails with a ContentError and nothing else", () => {
    const base = mkdtempSync(join(tmpdir(), "kabar-fuzz-"));
    let n = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const dir = join(base, String(n++));
        cpSync(CONTENT_DIR, dir, { recursive: true });
        for (const m of mutations) {
          try {
            apply(dir, m);
          } catch {
            // A mutation of a file an earlier one removed: nothing to do.
          }
        }
        try {
          loadLibrary(dir, dir);
        } catch (err) {
          if (!(err instanceof ContentError)) throw err;
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      runs(100),
    );
  });
});
