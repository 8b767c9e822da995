import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import { redactSecrets } from "../src/core/log.js";
import { loggableError, redactInteractionToken } from "../src/platforms/discord/errorLog.js";

/**
 * Secrets that reach a log line without ever being registered: a Discord bot
 * token of the documented shape (base64 user id, timestamp, HMAC, dot-separated),
 * and interaction tokens inside the URLs of interaction callbacks and webhook
 * edits (valid 15 minutes: enough to answer in the bot's name).
 */
const DISCORD_SHAPED = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhJkLm.abcdefghijklmnopqrstuvwxyz0123456789AB";
const INTERACTION_TOKEN = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTpzZWNyZXQ";

describe("redacting secrets nobody registered", () => {
  it("GIVEN a Discord token shape in a line THEN it is redacted", () => {
    expect(redactSecrets(`login failed for ${DISCORD_SHAPED} (401)`)).toBe("login failed for [redacted] (401)");
  });

  it("GIVEN a Telegram token shape outside a URL THEN it is redacted", () => {
    expect(redactSecrets("token 123456789:AAE-abcdefghijklmnopqrstuvwxyz012 rejected")).toBe("token [redacted] rejected");
  });

  it.each([
    ["an interaction callback", `/api/v10/interactions/1234567890/${INTERACTION_TOKEN}/callback`, "/api/v10/interactions/1234567890/[token]/callback"],
    ["an edit of the original answer", `/api/v10/webhooks/42/${INTERACTION_TOKEN}/messages/@original`, "/api/v10/webhooks/42/[token]/messages/@original"],
    ["a follow-up", `https://discord.com/api/v10/webhooks/42/${INTERACTION_TOKEN}?wait=true`, "https://discord.com/api/v10/webhooks/42/[token]?wait=true"],
  ])("GIVEN the URL of %s THEN the interaction token is cut out", (_what, url, expected) => {
    expect(redactInteractionToken(url)).toBe(expected);
  });

  it("GIVEN a DiscordAPIError from a webhook edit THEN what is logged names the route without the token", () => {
    const url = `https://discord.com/api/v10/webhooks/42/${INTERACTION_TOKEN}/messages/@original`;
    const err = new DiscordAPIError({ message: "Unknown Webhook", code: 10015 }, 10015, 404, "PATCH", url, { body: undefined, files: undefined });
    const logged = JSON.stringify(loggableError(err));
    expect(logged).not.toContain(INTERACTION_TOKEN);
    expect(JSON.parse(logged)).toMatchObject({ status: 404, code: 10015, method: "PATCH", url: "https://discord.com/api/v10/webhooks/42/[token]/messages/@original" });
  });
});
