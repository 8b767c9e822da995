import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";

describe("configuration: feeds", () => {
  it("GIVEN nothing THEN no feeds, a poll every 10 minutes, drafts", () => {
    expect(loadConfig({})).toMatchObject({ FEEDS: [], FEED_POLL: "*/10 * * * *", FEED_AUTO_PUBLISH: false });
  });

  it("GIVEN FEEDS with several URLs THEN a list, spaces trimmed", () => {
    expect(loadConfig({ FEEDS: "https://a.example/rss, http://127.0.0.1:8080/feed.atom" }).FEEDS).toEqual([
      "https://a.example/rss",
      "http://127.0.0.1:8080/feed.atom",
    ]);
  });

  it.each([
    ["FEEDS", "ftp://a.example/rss", "FEEDS: must be http(s) URLs separated by commas"],
    ["FEED_POLL", "every ten minutes", "FEED_POLL: must be a cron expression such as */10 * * * * (every 10 minutes)"],
    ["FEED_AUTO_PUBLISH", "maybe", "FEED_AUTO_PUBLISH:"],
  ])("GIVEN %s=%j THEN start-up stops with one readable line", (key, value, line) => {
    expect(() => loadConfig({ [key]: value })).toThrow(line);
  });

  it("GIVEN FEED_POLL as a cron expression THEN it is kept", () => {
    expect(loadConfig({ FEED_POLL: "0 * * * *", FEED_AUTO_PUBLISH: "true" })).toMatchObject({ FEED_POLL: "0 * * * *", FEED_AUTO_PUBLISH: true });
  });
});
