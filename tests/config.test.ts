import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ConfigError, envSchema, loadConfig } from "../src/config.js";
import { createLogger, redactSecrets, registerSecret } from "../src/core/log.js";
import { ROOT } from "./helpers/core.js";
import { runScript } from "./helpers/spawn.js";

describe("configuration", () => {
  it("GIVEN an empty environment THEN every default applies and no platform is on", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      DISCORD_API_BASE: "https://discord.com/api",
      PORT: 8080,
      CONTENT_DIR: "./content",
      DATA_DIR: "./data",
      DEFAULT_LANG: "id",
      DIGEST_GRACE_MINUTES: 120,
      DISCORD_MESSAGE_CONTENT: false,
    });
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(config.DISCORD_TOKEN).toBeUndefined();
  });

  it("GIVEN .env.example THEN it documents exactly the variables the schema reads, and its values are valid", () => {
    const example = readFileSync(`${ROOT}.env.example`, "utf8");
    const entries = Object.fromEntries(
      example
        .split("\n")
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    expect(Object.keys(entries).sort()).toEqual(Object.keys(envSchema.shape).sort());
    expect(() => loadConfig(entries)).not.toThrow();
  });

  it("GIVEN a trailing slash on an API root THEN it is removed (grammY's apiRoot must not end in /)", () => {
    expect(loadConfig({ TELEGRAM_API_ROOT: "http://127.0.0.1:9000/" }).TELEGRAM_API_ROOT).toBe("http://127.0.0.1:9000");
  });

  it("GIVEN several invalid values THEN one error lists each variable", () => {
    expect(() => loadConfig({ PORT: "0", DEFAULT_LANG: "fr", DIGEST_GRACE_MINUTES: "soon" })).toThrow(
      /PORT: must be at least 1[\s\S]*DEFAULT_LANG[\s\S]*DIGEST_GRACE_MINUTES/,
    );
  });

  it("GIVEN an invalid secret THEN the error names the variable but never shows its value", () => {
    try {
      loadConfig({ TELEGRAM_BOT_TOKEN: "hunter2-not-a-token", TELEGRAM_WEBHOOK_SECRET: "has spaces in it" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toContain("TELEGRAM_BOT_TOKEN");
      expect(message).toContain("TELEGRAM_WEBHOOK_SECRET");
      expect(message).not.toContain("hunter2");
      expect(message).not.toContain("has spaces");
    }
  });
});

describe("half-configured platforms", () => {
  const discord = { DISCORD_TOKEN: "dtok.half.configured", DISCORD_APPLICATION_ID: "123456789012345678" };
  const telegram = { TELEGRAM_BOT_TOKEN: "123456:ABC-def" };
  // Each row: an environment that switches a platform half on, the variable to fix, and the reason given.
  const cases: [string, Record<string, string>, string, RegExp][] = [
    ["DISCORD_TOKEN without an application id", { DISCORD_TOKEN: "dtok.half.configured" }, "DISCORD_APPLICATION_ID", /required with DISCORD_TOKEN/],
    ["an application id without DISCORD_TOKEN", { DISCORD_APPLICATION_ID: "123456789012345678" }, "DISCORD_TOKEN", /required with DISCORD_APPLICATION_ID/],
    ["a guild id with Discord off", { DISCORD_GUILD_ID: "123456789012345678" }, "DISCORD_GUILD_ID", /Discord is off/],
    ["a webhook URL that is not https", { ...telegram, TELEGRAM_WEBHOOK_URL: "http://bot.example.org/hook" }, "TELEGRAM_WEBHOOK_URL", /must be https/],
    ["a webhook URL with Telegram off", { TELEGRAM_WEBHOOK_URL: "https://bot.example.org/hook" }, "TELEGRAM_WEBHOOK_URL", /Telegram is off/],
    ["a webhook secret without a webhook URL", { ...telegram, TELEGRAM_WEBHOOK_SECRET: "abc" }, "TELEGRAM_WEBHOOK_SECRET", /without TELEGRAM_WEBHOOK_URL/],
    ["shards without a shard count", { ...discord, DISCORD_SHARDS: "0,1" }, "DISCORD_SHARD_COUNT", /required with DISCORD_SHARDS/],
    ["a shard count without shards", { ...discord, DISCORD_SHARD_COUNT: "2" }, "DISCORD_SHARDS", /required with DISCORD_SHARD_COUNT/],
    ["a shard id not below the count", { ...discord, DISCORD_SHARDS: "1,2", DISCORD_SHARD_COUNT: "2" }, "DISCORD_SHARDS", /below DISCORD_SHARD_COUNT \(2\): 2 /],
    ["shards with Discord off", { DISCORD_SHARDS: "0", DISCORD_SHARD_COUNT: "1" }, "DISCORD_SHARDS", /Discord is off/],
    ["shards that are not a list of ids", { ...discord, DISCORD_SHARDS: "first", DISCORD_SHARD_COUNT: "2" }, "DISCORD_SHARDS", /such as 0,1/],
  ];
  it.each(cases)("GIVEN %s THEN a config error names the variable and why", (_name, env, key, reason) => {
    let message = "";
    try {
      loadConfig(env);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    const line = message.split("\n").find((l) => l.trim().startsWith(`${key}:`));
    expect(line, message).toMatch(reason);
    expect(message).not.toContain("dtok.half.configured");
  });

  it("GIVEN npm start with DISCORD_TOKEN alone THEN it exits 2 with the one line naming DISCORD_APPLICATION_ID, not silently without Discord", async () => {
    const { code, stdout, stderr } = await runScript("src/main.ts", [], { env: { DISCORD_TOKEN: "dtok.half.configured" }, input: "halo\n" });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^  DISCORD_APPLICATION_ID: is required with DISCORD_TOKEN/m);
    expect(stdout).toBe("");
    expect(stderr).not.toContain("dtok.half.configured");
  });

  it("GIVEN an http webhook with a self-hosted Bot API server THEN it is accepted (only Telegram's cloud insists on https)", () => {
    const config = loadConfig({ ...telegram, TELEGRAM_API_ROOT: "http://127.0.0.1:8081", TELEGRAM_WEBHOOK_URL: "http://127.0.0.1:8443/hook" });
    expect(config.TELEGRAM_WEBHOOK_URL).toBe("http://127.0.0.1:8443/hook");
  });

  it("GIVEN shards '0, 2,2' of 3 and an HTTP port THEN distinct shard ids, the count and the port are read", () => {
    const config = loadConfig({ ...discord, DISCORD_SHARDS: "0, 2,2", DISCORD_SHARD_COUNT: "3", HTTP_PORT: "9464" });
    expect(config).toMatchObject({ DISCORD_SHARDS: [0, 2], DISCORD_SHARD_COUNT: 3, HTTP_PORT: 9464 });
  });

  it("GIVEN no HTTP_PORT THEN there is no operations endpoint (undefined, not a default port)", () => {
    expect(loadConfig({ HTTP_PORT: "" }).HTTP_PORT).toBeUndefined();
  });
});

describe("secret redaction in logs", () => {
  it("GIVEN a Telegram API URL with the token THEN the token is redacted", () => {
    const line = redactSecrets("Call to 'sendMessage' failed! (https://api.telegram.org/bot123456:ABCdefGHIjklMNOpqrSTUvwxYZ12345/sendMessage)");
    expect(line).not.toContain("ABCdefGHIjkl");
    expect(line).toContain("/bot[redacted]/sendMessage");
  });

  it("GIVEN a registered secret of any shape THEN every occurrence is redacted", () => {
    registerSecret("shortish-discord-token-value");
    expect(redactSecrets("token=shortish-discord-token-value; again shortish-discord-token-value")).toBe(
      "token=[redacted]; again [redacted]",
    );
  });

  it("GIVEN an error logged with the token in its message and stack THEN the written line has no token", () => {
    const token = "424242:AAH-secretsecretsecretsecretsecret";
    registerSecret(token);
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger("info", sink);
    logger.error({ err: new Error(`request to http://x/bot${token}/getMe failed`), token }, `failed with ${token}`);
    expect(lines.join("")).not.toContain("secretsecret");
    expect(lines.join("")).toContain("[redacted]");
  });
});
