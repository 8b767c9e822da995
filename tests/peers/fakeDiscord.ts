import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer } from "ws";
import {
  buttonInteraction,
  commandInteraction,
  type FakeGuild,
  type FakeUser,
  guildCreatePayload,
  type InteractionPlace,
  messagePayload,
  type SentOption,
  snowflake,
  userPayload,
} from "./discordPayloads.js";
import {
  DISCORD_RATE_LIMITS,
  DISCORD_REFUSALS,
  DiscordRateLimiter,
  type DiscordRateLimits,
  type FakeResponse,
  InteractionLedger,
  invalidFormBody,
  messageProblems,
  routeOf,
} from "./discordRules.js";

/**
 * A local Discord for end-to-end tests: the REST API (under /api/v10) and the
 * gateway (a WebSocket on the same port), enough for the real discord.js
 * client to log in, receive interactions and messages, and answer them.
 * Every REST request is recorded; tests wait for the one they expect.
 *
 * Protocol facts it relies on are in ../shared/PEERS.md. Usage:
 *   const discord = new FakeDiscord({ guilds: [...] }); await discord.start();
 *   new Client({ rest: { api: discord.apiBase } }).login(discord.token);
 *   const sent = discord.slashCommand(place, { name: "reaction", options: [...] });
 *   const callback = await discord.waitForRequest((r) => r.path.startsWith(`/interactions/${sent.id}/`));
 */

export interface RecordedRequest {
  method: string;
  /** Path below /api/v10, without the query string ("/channels/1/messages"). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  // Tests read the JSON body freely.
  body: any;
  /** The body exactly as it arrived (the payload snapshot compares bytes, not parsed JSON). */
  raw: string;
  /** When it arrived (wall clock). */
  at: number;
}

export type { FakeResponse };

interface Failure {
  matches: (r: RecordedRequest) => boolean;
  response: FakeResponse;
  times: number;
}

export interface FakeDiscordOptions {
  guilds?: FakeGuild[];
  applicationId?: string;
  token?: string;
  /** The fake's clock (interaction deadlines, rate limit windows): a test's, so no test waits 3 s. */
  now?: () => number;
  /** Discord's rate limits by default (discordRules.ts); false only for a test that says why. */
  rateLimits?: DiscordRateLimits | false;
  /**
   * Discord's 3 s for the first response, counted from the dispatch. Only a test that measures
   * the deadline itself (from when the client received the interaction) may widen it.
   */
  interactionDeadlineMs?: number;
  /** Privileged intents enabled for the bot in the Developer Portal (bits); others close the gateway with 4014. */
  privilegedIntents?: number;
  /**
   * session_start_limit.max_concurrency of GET /gateway/bot (default 1): how many shards may IDENTIFY
   * in the same 5 s (larger bots get 16 and more; the client throttles itself by it).
   */
  maxConcurrency?: number;
}

/** GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT (https://discord.com/developers/docs/events/gateway#privileged-intents). */
const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

const HEARTBEAT_INTERVAL_MS = 41_250;

export class FakeDiscord {
  readonly applicationId: string;
  /** Looks like a real bot token, so redaction can be checked against it. */
  readonly token: string;
  readonly bot: FakeUser;
  readonly guilds: FakeGuild[];
  readonly requests: RecordedRequest[] = [];
  /** How many IDENTIFY (op 2) and RESUME (op 6) the gateway received. */
  identifies = 0;
  resumes = 0;
  /** The `d` of every IDENTIFY, to check the shard a client asked for. */
  readonly identifyPayloads: Array<{ shard?: [number, number]; intents: number }> = [];
  /** Close codes of gateway connections the client closed (1000 = a clean destroy). */
  readonly closeCodes: number[] = [];
  private readonly closeWaiters = new Set<(code: number) => void>();

  private server?: Server;
  private wss?: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters = new Set<{ test: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();
  private readonly readyWaiters = new Set<() => void>();
  private readonly resumeWaiters = new Set<() => void>();
  private readonly failures: Failure[] = [];
  private seq = 0;
  private port = 0;
  private readonly ledger: InteractionLedger;
  private readonly limiter?: DiscordRateLimiter;
  private readonly privilegedIntents: number;
  private readonly maxConcurrency: number;

  constructor(options: FakeDiscordOptions = {}) {
    this.applicationId = options.applicationId ?? snowflake();
    this.bot = { id: this.applicationId, username: "kabar", global_name: "Kabar", bot: true };
    this.token = options.token ?? `${Buffer.from(this.applicationId).toString("base64url")}.GhJkLm.${"x".repeat(10)}${snowflake()}`;
    this.guilds = options.guilds ?? [];
    const now = options.now ?? Date.now;
    this.ledger = new InteractionLedger(now, options.interactionDeadlineMs);
    if (options.rateLimits !== false) this.limiter = new DiscordRateLimiter(options.rateLimits ?? DISCORD_RATE_LIMITS, now);
    this.privilegedIntents = options.privilegedIntents ?? 0;
    this.maxConcurrency = options.maxConcurrency ?? 1;
  }

  /** REST base to give discord.js (`rest.api`) or DISCORD_API_BASE. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handleHttp(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on("upgrade", (req, socket, head) => {
      this.wss!.handleUpgrade(req, socket, head, (ws) => this.handleSocket(ws));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss?.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `times` requests matching make the fake answer `response` instead. */
  failNext(matches: (r: RecordedRequest) => boolean, response: FakeResponse, times = 1): void {
    this.failures.push({ matches, response, times });
  }

  /** The first recorded request matching `test`, waiting for it up to `timeoutMs`. */
  waitForRequest(test: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const seen = this.requests.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = {
        test,
        resolve: (r: RecordedRequest) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching request within ${timeoutMs} ms; saw: ${this.requests.map((r) => `${r.method} ${r.path}`).join(", ")}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Resolves once a client has identified and received READY and its guilds. */
  waitForReady(timeoutMs = 10_000): Promise<void> {
    if (this.identifies > 0 && this.sockets.size > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no IDENTIFY")), timeoutMs);
      this.readyWaiters.add(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Resolves at the next RESUME (op 6) a client sends, after a dropped connection. */
  waitForResume(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no RESUME")), timeoutMs);
      this.resumeWaiters.add(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Resolves with the close code of the next gateway connection to close. */
  waitForClose(timeoutMs = 10_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no gateway close")), timeoutMs);
      this.closeWaiters.add((code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  /** Sends a dispatch (op 0) to every connected client. */
  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    const frame = JSON.stringify({ op: 0, t, s: this.seq, d });
    for (const ws of this.sockets) ws.send(frame);
  }

  /** Closes every gateway connection as a network drop would (the client should resume). */
  dropConnections(code = 4000): void {
    for (const ws of this.sockets) ws.close(code, "dropped by test");
  }

  /** Sends op 7 Reconnect: the client should close and resume. */
  requestReconnect(): void {
    for (const ws of this.sockets) ws.send(JSON.stringify({ op: 7, d: null }));
  }

  /** Sends op 9 Invalid Session: the client should identify again (resume, when `resumable`). */
  invalidateSession(resumable = false): void {
    for (const ws of this.sockets) ws.send(JSON.stringify({ op: 9, d: resumable }));
  }

  slashCommand(place: InteractionPlace, command: { name: string; options?: SentOption[] }) {
    const payload = commandInteraction("command", place, this.applicationId, command);
    this.ledger.created(payload.id, payload.token);
    this.dispatch("INTERACTION_CREATE", payload);
    return payload;
  }

  autocomplete(place: InteractionPlace, command: { name: string; options?: SentOption[] }) {
    const payload = commandInteraction("autocomplete", place, this.applicationId, command);
    this.ledger.created(payload.id, payload.token);
    this.dispatch("INTERACTION_CREATE", payload);
    return payload;
  }

  /** Presses a button with `customId` on a message the bot sent. */
  pressButton(place: InteractionPlace, customId: string, messageId = snowflake()) {
    const message = messagePayload({
      id: messageId,
      channelId: place.channelId,
      author: this.bot,
      content: "",
      ...(place.guildId ? { guildId: place.guildId } : {}),
    });
    const payload = buttonInteraction(place, this.applicationId, customId, message);
    this.ledger.created(payload.id, payload.token);
    this.dispatch("INTERACTION_CREATE", payload);
    return payload;
  }

  /** A user's message (a DM when `guildId` is absent). */
  userMessage(options: Parameters<typeof messagePayload>[0]) {
    const payload = messagePayload(options);
    this.dispatch("MESSAGE_CREATE", payload);
    return payload;
  }

  // --- REST ---

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let body: unknown = raw;
    if ((req.headers["content-type"] ?? "").includes("application/json") && raw) body = JSON.parse(raw);
    const request: RecordedRequest = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, "")),
      query: url.searchParams,
      headers: req.headers,
      body,
      raw,
      at: Date.now(),
    };
    this.requests.push(request);
    const { response, rateLimitHeaders } = this.respond(request);
    // Like Discord, a 204 has no body and no JSON content type (@discordjs/rest would try to parse it).
    const type = response.body === undefined ? {} : { "content-type": "application/json" };
    res.writeHead(response.status, { ...type, ...rateLimitHeaders, ...response.headers });
    res.end(response.body === undefined ? undefined : JSON.stringify(response.body));
    for (const waiter of this.waiters) {
      if (waiter.test(request)) {
        this.waiters.delete(waiter);
        waiter.resolve(request);
      }
    }
  }

  /**
   * Discord's order: authentication, then rate limits (headers on every answer), then the body,
   * then the interaction's state; scripted failures (failNext) come first.
   */
  private respond(r: RecordedRequest): { response: FakeResponse; rateLimitHeaders: Record<string, string> } {
    const scripted = this.takeFailure(r);
    if (scripted) return { response: scripted, rateLimitHeaders: {} };
    const interaction = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(r.path);
    const webhook = /^\/webhooks\/\d+\/([^/]+)/.exec(r.path);
    // Interaction and webhook routes are authorised by the token in the URL.
    if (!interaction && !webhook && r.headers.authorization !== `Bot ${this.token}`) return { response: DISCORD_REFUSALS.unauthorized, rateLimitHeaders: {} };
    const limited = this.limiter?.take(routeOf(r.method, r.path), Boolean(interaction || webhook));
    const rateLimitHeaders = limited?.headers ?? {};
    if (limited?.refused) return { response: limited.refused, rateLimitHeaders };
    const body = interaction ? r.body?.data : r.body;
    if ((r.method === "POST" || r.method === "PATCH") && body && typeof body === "object" && !Array.isArray(body)) {
      const problems = messageProblems(body);
      if (Object.keys(problems).length > 0) return { response: invalidFormBody(problems), rateLimitHeaders };
    }
    const refused = interaction ? this.ledger.respond(interaction[1]!, interaction[2]!) : webhook ? this.ledger.followUp(webhook[1]!) : undefined;
    return { response: refused ?? this.answer(r), rateLimitHeaders };
  }

  private takeFailure(request: RecordedRequest): FakeResponse | undefined {
    const failure = this.failures.find((f) => f.times > 0 && f.matches(request));
    if (!failure) return undefined;
    failure.times -= 1;
    return failure.response;
  }

  private answer(r: RecordedRequest): FakeResponse {
    const { method, path } = r;
    if (method === "GET" && path === "/gateway/bot") {
      return {
        status: 200,
        body: {
          url: `ws://127.0.0.1:${this.port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: this.maxConcurrency },
        },
      };
    }
    if (method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    let m = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (method === "POST" && m) return { status: 200, body: this.botMessage(m[1]!, r.body) };
    m = /^\/webhooks\/\d+\/[^/]+(?:\/messages\/(@original|\d+))?$/.exec(path);
    if (m && (method === "POST" || method === "PATCH")) return { status: 200, body: this.botMessage("0", r.body) };
    if (method === "DELETE" && m) return { status: 204 };
    if (method === "POST" && path === "/users/@me/channels") {
      return { status: 200, body: { id: snowflake(), type: 1, recipients: [userPayload({ id: r.body.recipient_id, username: "user" })] } };
    }
    if (method === "PUT" && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const body = Array.isArray(r.body) ? r.body.map((c: object) => ({ id: snowflake(), application_id: this.applicationId, version: snowflake(), ...c })) : [];
      return { status: 200, body };
    }
    return { status: 404, body: { message: "404: Not Found", code: 0 } };
  }

  private botMessage(channelId: string, body: { content?: string; embeds?: unknown[]; components?: unknown[] } | undefined) {
    return messagePayload({
      channelId,
      author: this.bot,
      content: body?.content ?? "",
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
    });
  }

  // --- gateway ---

  private handleSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("close", (code) => {
      this.sockets.delete(ws);
      this.closeCodes.push(code);
      for (const done of this.closeWaiters) done(code);
      this.closeWaiters.clear();
    });
    // Text frames only: discord.js reads binary frames as zlib-compressed.
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS } }));
    ws.on("message", (data) => {
      const packet = JSON.parse(String(data)) as { op: number; d: unknown };
      if (packet.op === 1) ws.send(JSON.stringify({ op: 11 }));
      else if (packet.op === 2) {
        const d = packet.d as FakeDiscord["identifyPayloads"][number] & { token?: string };
        this.identifyPayloads.push(d);
        // https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes
        if (d.token !== this.token) ws.close(4004, "Authentication failed.");
        else if ((d.intents & PRIVILEGED_INTENTS & ~this.privilegedIntents) !== 0) ws.close(4014, "Disallowed intent(s).");
        else this.identify(ws);
      }
      else if (packet.op === 6) {
        this.resumes += 1;
        this.seq += 1;
        ws.send(JSON.stringify({ op: 0, t: "RESUMED", s: this.seq, d: {} }));
        for (const done of this.resumeWaiters) done();
        this.resumeWaiters.clear();
      }
    });
  }

  private identify(ws: WebSocket): void {
    this.identifies += 1;
    const send = (t: string, d: unknown) => {
      this.seq += 1;
      ws.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
    };
    send("READY", {
      v: 10,
      user: userPayload(this.bot),
      application: { id: this.applicationId, flags: 0 },
      guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: `session-${snowflake()}`,
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      private_channels: [],
    });
    // Every guild listed in READY gets its GUILD_CREATE, or ClientReady waits ~15 s.
    for (const guild of this.guilds) send("GUILD_CREATE", guildCreatePayload(guild));
    for (const done of this.readyWaiters) done();
    this.readyWaiters.clear();
  }
}
