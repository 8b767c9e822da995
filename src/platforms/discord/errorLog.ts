import { DiscordAPIError, HTTPError } from "discord.js";

/**
 * What we log of a Discord error. Interaction and webhook URLs carry the
 * interaction's token (valid for 15 minutes, enough to answer in the bot's
 * name), so it is cut out; the request body (our own message) is left out.
 */
export function loggableError(err: unknown): unknown {
  if (err instanceof DiscordAPIError || err instanceof HTTPError) {
    return {
      type: err.name,
      message: err.message,
      status: err.status,
      ...(err instanceof DiscordAPIError ? { code: err.code } : {}),
      method: err.method,
      url: redactInteractionToken(err.url),
    };
  }
  return err;
}

export function redactInteractionToken(url: string): string {
  return url.replace(/\/(interactions|webhooks)\/(\d+)\/[^/?]+/g, "/$1/$2/[token]");
}
