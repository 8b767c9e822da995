/**
 * What Discord refuses that a lax fake would accept, answered as Discord
 * answers (https://discord.com/developers/docs), for the fake Discord:
 * - interactions: one initial response each (a second: 400, code 40060), within 3 s of
 *   the interaction (later: 404, code 10062); @original and follow-ups only after it
 *   (before: 404, code 10015)
 *   (https://discord.com/developers/docs/interactions/receiving-and-responding);
 * - message payloads within the documented limits (else 400, code 50035 "Invalid Form
 *   Body", with the field) (https://discord.com/developers/docs/resources/message);
 * - REST outside interaction and webhook routes needs `Authorization: Bot <token>`
 *   (else 401, code 0, "401: Unauthorized");
 * - rate limits: X-RateLimit-* headers on every answer, 429 with `retry_after` and
 *   X-RateLimit-Scope past a bucket or the global limit
 *   (https://discord.com/developers/docs/topics/rate-limits).
 */
import { DISCORD_BUTTON_LABEL, DISCORD_CONTENT, DISCORD_CUSTOM_ID, DISCORD_EMBED, discordEmbedChars } from "../helpers/platformLimits.js";

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const DISCORD_REFUSALS = {
  alreadyAcknowledged: { status: 400, body: { message: "Interaction has already been acknowledged.", code: 40060 } },
  unknownInteraction: { status: 404, body: { message: "Unknown interaction", code: 10062 } },
  unknownWebhook: { status: 404, body: { message: "Unknown Webhook", code: 10015 } },
  unauthorized: { status: 401, body: { message: "401: Unauthorized", code: 0 } },
} as const satisfies Record<string, FakeResponse>;

/** The first response to an interaction must arrive within this long of it. */
export const INTERACTION_RESPONSE_DEADLINE_MS = 3_000;

export function invalidFormBody(problems: Record<string, string>): FakeResponse {
  const errors: Record<string, { _errors: { code: string; message: string }[] }> = {};
  for (const [path, message] of Object.entries(problems)) errors[path] = { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message }] };
  return { status: 400, body: { message: "Invalid Form Body", code: 50035, errors } };
}

interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}

/** Every documented limit a message body breaks, by field path ("embeds.0.title"). */
export function messageProblems(body: { content?: string; embeds?: Embed[]; components?: { components?: { custom_id?: string; label?: string }[] }[] } | undefined): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!body || typeof body !== "object") return problems;
  const max = (path: string, value: string | undefined, limit: number) => {
    if (value !== undefined && value.length > limit) problems[path] = `Must be ${limit} or fewer in length.`;
  };
  max("content", body.content, DISCORD_CONTENT);
  const embeds = body.embeds ?? [];
  if (embeds.length > DISCORD_EMBED.perMessage) problems.embeds = `Must be ${DISCORD_EMBED.perMessage} or fewer in length.`;
  embeds.forEach((e, i) => {
    max(`embeds.${i}.title`, e.title, DISCORD_EMBED.title);
    max(`embeds.${i}.description`, e.description, DISCORD_EMBED.description);
    max(`embeds.${i}.footer.text`, e.footer?.text, DISCORD_EMBED.footerText);
    max(`embeds.${i}.author.name`, e.author?.name, DISCORD_EMBED.authorName);
    if ((e.fields?.length ?? 0) > DISCORD_EMBED.fields) problems[`embeds.${i}.fields`] = `Must be ${DISCORD_EMBED.fields} or fewer in length.`;
    e.fields?.forEach((f, j) => {
      max(`embeds.${i}.fields.${j}.name`, f.name, DISCORD_EMBED.fieldName);
      max(`embeds.${i}.fields.${j}.value`, f.value, DISCORD_EMBED.fieldValue);
      if (!f.name) problems[`embeds.${i}.fields.${j}.name`] = "This field is required";
      if (!f.value) problems[`embeds.${i}.fields.${j}.value`] = "This field is required";
    });
  });
  const total = embeds.reduce((n, e) => n + discordEmbedChars(e), 0);
  if (total > DISCORD_EMBED.total) problems.embeds = `Embed size exceeds maximum size of ${DISCORD_EMBED.total}`;
  const rows = body.components ?? [];
  if (rows.length > 5) problems.components = "Must be 5 or fewer in length.";
  rows.forEach((row, i) => {
    if ((row.components?.length ?? 0) > 5) problems[`components.${i}.components`] = "Must be 5 or fewer in length.";
    row.components?.forEach((c, j) => {
      max(`components.${i}.components.${j}.custom_id`, c.custom_id, DISCORD_CUSTOM_ID);
      max(`components.${i}.components.${j}.label`, c.label, DISCORD_BUTTON_LABEL);
    });
  });
  return problems;
}

/** The state of each interaction the fake dispatched: when, and whether it was answered. */
export class InteractionLedger {
  private readonly byId = new Map<string, { token: string; at: number; responded: boolean }>();
  private readonly byToken = new Map<string, string>();

  constructor(
    private readonly now: () => number,
    private readonly deadlineMs = INTERACTION_RESPONSE_DEADLINE_MS,
  ) {}

  created(id: string, token: string): void {
    this.byId.set(id, { token, at: this.now(), responded: false });
    this.byToken.set(token, id);
  }

  /** The refusal for an initial response, or undefined (and it counts as responded). */
  respond(id: string, token: string): FakeResponse | undefined {
    const entry = this.byId.get(id);
    if (!entry || entry.token !== token) return DISCORD_REFUSALS.unknownInteraction;
    if (entry.responded) return DISCORD_REFUSALS.alreadyAcknowledged;
    if (this.now() - entry.at > this.deadlineMs) return DISCORD_REFUSALS.unknownInteraction;
    entry.responded = true;
    return undefined;
  }

  /** The refusal for @original or a follow-up with this token, or undefined. */
  followUp(token: string): FakeResponse | undefined {
    const id = this.byToken.get(token);
    if (id === undefined) return undefined; // not one of ours: an ordinary webhook
    return this.byId.get(id)!.responded ? undefined : DISCORD_REFUSALS.unknownWebhook;
  }
}

export interface DiscordRateLimits {
  /** Per route bucket (method + route with its major parameter). */
  bucket: { limit: number; windowMs: number };
  /** Every authenticated request of the bot; interaction routes are exempt. */
  global: { limit: number; windowMs: number };
}

/** Discord publishes only the global figure (50 a second); 5 per 5 s is what message routes answer in practice. */
export const DISCORD_RATE_LIMITS: DiscordRateLimits = {
  bucket: { limit: 5, windowMs: 5_000 },
  global: { limit: 50, windowMs: 1_000 },
};

export class DiscordRateLimiter {
  private readonly buckets = new Map<string, number[]>();
  private readonly global: number[] = [];

  constructor(
    private readonly limits: DiscordRateLimits,
    private readonly now: () => number,
  ) {}

  /** Counts a request on `route`; its headers, or a 429 with them. */
  take(route: string, exemptFromGlobal: boolean): { headers: Record<string, string>; refused?: FakeResponse } {
    const now = this.now();
    const times = this.buckets.get(route) ?? [];
    this.buckets.set(route, times);
    prune(times, this.limits.bucket.windowMs, now);
    if (!exemptFromGlobal) prune(this.global, this.limits.global.windowMs, now);
    const bucketHash = Buffer.from(route).toString("base64url").slice(0, 16);
    const headersFor = (remaining: number, resetAfterMs: number) => ({
      "x-ratelimit-limit": String(this.limits.bucket.limit),
      "x-ratelimit-remaining": String(remaining),
      "x-ratelimit-reset": ((now + resetAfterMs) / 1000).toFixed(3),
      "x-ratelimit-reset-after": (resetAfterMs / 1000).toFixed(3),
      "x-ratelimit-bucket": bucketHash,
    });
    if (!exemptFromGlobal && this.global.length >= this.limits.global.limit) {
      const wait = this.global[0]! + this.limits.global.windowMs - now;
      return {
        headers: {},
        refused: {
          status: 429,
          headers: { "retry-after": String(Math.ceil(wait / 1000)), "x-ratelimit-global": "true", "x-ratelimit-scope": "global" },
          body: { message: "You are being rate limited.", retry_after: wait / 1000, global: true },
        },
      };
    }
    if (times.length >= this.limits.bucket.limit) {
      const wait = times[0]! + this.limits.bucket.windowMs - now;
      const headers = { ...headersFor(0, wait), "retry-after": String(Math.ceil(wait / 1000)), "x-ratelimit-scope": "user" };
      return { headers, refused: { status: 429, headers, body: { message: "You are being rate limited.", retry_after: wait / 1000, global: false } } };
    }
    times.push(now);
    if (!exemptFromGlobal) this.global.push(now);
    const resetAfter = times[0]! + this.limits.bucket.windowMs - now;
    return { headers: headersFor(this.limits.bucket.limit - times.length, resetAfter) };
  }
}

function prune(times: number[], windowMs: number, now: number): void {
  while (times.length > 0 && times[0]! <= now - windowMs) times.shift();
}

/** The bucket a path belongs to: method and route, ids replaced except the major one (channel, guild, webhook or interaction and its token). */
export function routeOf(method: string, path: string): string {
  const m = /^\/(channels|guilds|webhooks|interactions)\/(\d+)(\/[^/]+)?/.exec(path);
  const majorLength = !m ? 0 : m[1] === "webhooks" || m[1] === "interactions" ? m[0].length : `/${m[1]}/${m[2]}`.length;
  return `${method} ${path.slice(0, majorLength)}${path.slice(majorLength).replace(/\/\d{5,}/g, "/:id")}`;
}
