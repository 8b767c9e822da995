import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The bot's Prometheus metrics, one registry served on /metrics. Names follow
 * Prometheus conventions (kabar_ prefix, base units, _total for counters);
 * labels take few values (platform, kind, outcome) and never a chat id, so the
 * series count stays small however many chats subscribe.
 */
export const metrics = new Registry();
collectDefaultMetrics({ register: metrics, prefix: "kabar_" });

const registers = [metrics];

/** Messages, commands and button presses received, by platform (telegram|discord|console) and kind (command|text|button|autocomplete). */
export const updatesTotal = new Counter({
  name: "kabar_updates_total",
  help: "Updates and interactions received, by platform and kind",
  labelNames: ["platform", "kind"] as const,
  registers,
});

/**
 * Time from a message or call entering Kabar to its reply being ready (not the platform send);
 * kind "text" for free text (understanding included), "call" for a command (typed, slash, button).
 */
export const answerSeconds = new Histogram({
  name: "kabar_answer_seconds",
  help: "Time to compose an answer, by kind (text: free text; call: a command, typed, slash or button)",
  labelNames: ["kind"] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers,
});

/**
 * Digest deliveries by outcome: sent; failed (the chat refused it or retries ran out);
 * retried (a failed try that will be tried again); skipped (the grace window passed);
 * empty (mode "new" and nothing new, so nothing was sent).
 */
export const digestsTotal = new Counter({
  name: "kabar_digests_total",
  help: "Digest deliveries by outcome (sent, failed, retried, skipped, empty)",
  labelNames: ["outcome"] as const,
  registers,
});

export const rateLimitedTotal = new Counter({
  name: "kabar_rate_limited_total",
  help: "HTTP 429 answers received from a platform API",
  labelNames: ["platform"] as const,
  registers,
});

/** From the time a digest was due to the time it was sent; fan-out pacing and backlog show up here. */
export const fanOutLagSeconds = new Histogram({
  name: "kabar_fan_out_lag_seconds",
  help: "Delay from a digest's due time to its send",
  buckets: [0.1, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600],
  registers,
});

/** Bumped on every successful content load or reload, so a dashboard sees reloads happen. */
export const contentVersion = new Gauge({
  name: "kabar_content_version",
  help: "Content generation: 1 after start, +1 on every successful reload",
  registers,
});

export const articlesGauge = new Gauge({
  name: "kabar_articles",
  help: "Articles currently served",
  registers,
});

/** 1 while this instance runs the digest fan-out (holds the leadership), 0 otherwise. */
export const leaderGauge = new Gauge({
  name: "kabar_leader",
  help: "1 when this instance leads the digest fan-out",
  registers,
});

/** Claims found left `sending` by a dead instance at start: those chats may have had a digest twice. */
export const duplicateRiskTotal = new Counter({
  name: "kabar_duplicate_risk_total",
  help: "Digest claims left in flight by a dead instance (may have been delivered twice)",
  registers,
});

export const storeFailuresTotal = new Counter({
  name: "kabar_store_failures_total",
  help: "Store operations that failed (database unreachable, corrupt, not writable)",
  registers,
});

/** Requests over the per-user limit (src/core/rateLimit.ts): "notice" is the one answered with a notice, "drop" the rest. */
export const throttledRequestsTotal = new Counter({
  name: "kabar_throttled_requests_total",
  help: "User requests over the per-user rate limit, by platform and outcome (notice, drop)",
  labelNames: ["platform", "outcome"] as const,
  registers,
});
