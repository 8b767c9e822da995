import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../commands/index.js";
import type { CommandDefinition } from "../src/core/command.js";
import { makeReply } from "../src/core/reply.js";
import { commandsJson } from "../src/platforms/discord/commandJson.js";
import { deployCommands } from "../src/platforms/discord/deploy.js";
import { snowflake } from "./peers/discordPayloads.js";
import { FakeDiscord } from "./peers/fakeDiscord.js";

/** An admin command shaped like the digest issue's, so the generator is checked on subcommands before that file exists. */
const adminCommand: CommandDefinition = {
  name: "admin_probe",
  nameId: "ringkasan-harian",
  description: { id: "Ringkasan terjadwal", en: "Scheduled digest" },
  options: [],
  requiresManage: true,
  subcommands: [
    {
      name: "subscribe",
      nameId: "langganan",
      description: { id: "Berlangganan", en: "Subscribe" },
      requiresManage: true,
      options: [
        { name: "timezone", description: { id: "Zona waktu", en: "Time zone" }, source: "timezone" },
        { name: "time", description: { id: "Jam", en: "Time" }, required: true, source: "time" },
      ],
    },
  ],
  run: async (call) => makeReply({ kind: "notice", lang: call.lang, title: "" }),
};

// https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-naming
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Json = Record<string, any>;
function* named(node: Json): Generator<Json> {
  yield node;
  for (const child of node.options ?? []) yield* named(child);
}

/** Discord's limit on a command's combined name, description and choice text, localizations included. */
function textSize(node: Json): number {
  let n = node.name.length + (node.description?.length ?? 0);
  for (const v of Object.values<string>(node.name_localizations ?? {})) n += v.length;
  for (const v of Object.values<string>(node.description_localizations ?? {})) n += v.length;
  for (const c of node.choices ?? []) {
    n += c.name.length + String(c.value).length;
    for (const v of Object.values<string>(c.name_localizations ?? {})) n += v.length;
  }
  for (const child of node.options ?? []) n += textSize(child);
  return n;
}

describe("Discord command JSON generated from commands/", () => {
  const json: Json[] = commandsJson([...COMMANDS, adminCommand]);

  it("GIVEN every command THEN names are lower-case and within 32 characters, in English and Indonesian", () => {
    for (const command of json) {
      for (const node of named(command)) {
        for (const name of [node.name, ...Object.values<string>(node.name_localizations ?? {})]) {
          expect(name, name).toMatch(NAME);
          expect(name, name).toBe(name.toLowerCase());
        }
      }
    }
  });

  it("GIVEN every command THEN descriptions are 1-100 characters and localized for id", () => {
    for (const command of json) {
      for (const node of named(command)) {
        expect(node.description.length, node.name).toBeGreaterThan(0);
        expect(node.description.length, node.name).toBeLessThanOrEqual(100);
        expect(node.description_localizations.id.length, node.name).toBeGreaterThan(0);
        expect(node.description_localizations.id.length, node.name).toBeLessThanOrEqual(100);
      }
    }
  });

  it("GIVEN every command THEN at most 25 options and 25 choices, required options first, 4,000 characters in all", () => {
    for (const command of json) {
      expect(textSize(command)).toBeLessThanOrEqual(4000);
      for (const node of named(command)) {
        expect((node.options ?? []).length).toBeLessThanOrEqual(25);
        expect((node.choices ?? []).length).toBeLessThanOrEqual(25);
        const required = (node.options ?? []).map((o: Json) => Boolean(o.required));
        expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      }
    }
    expect(json.length).toBeLessThanOrEqual(100);
  });

  it("GIVEN the reaction command THEN it is 'reaksi' in Indonesian and its actor option autocompletes", () => {
    const reaction = json.find((c) => c.name === "reaction")!;
    expect(reaction.name_localizations).toEqual({ id: "reaksi" });
    const actor = reaction.options.find((o: Json) => o.name === "actor");
    expect(actor).toMatchObject({ type: 3, required: true, autocomplete: true, name_localizations: { id: "aktor" } });
  });

  it("GIVEN an option with fixed values THEN they become Discord choices with Indonesian names", () => {
    const length = json.find((c) => c.name === "summary")!.options.find((o: Json) => o.name === "length");
    expect(length.choices).toEqual([
      { name: "short", name_localizations: { id: "pendek" }, value: "short" },
      { name: "long", name_localizations: { id: "panjang" }, value: "long" },
    ]);
    expect(length.autocomplete).toBeUndefined();
  });

  it("GIVEN an admin command with subcommands THEN it requires Manage Channels and its timezone option autocompletes", () => {
    const digest = json.find((c) => c.name === "admin_probe")!;
    expect(digest.default_member_permissions).toBe(String(1 << 4));
    expect(digest.options[0]).toMatchObject({ type: 1, name: "subscribe", name_localizations: { id: "langganan" } });
    expect(digest.options[0].options.map((o: Json) => o.name)).toEqual(["time", "timezone"]);
    expect(digest.options[0].options[1].autocomplete).toBe(true);
    expect(json.find((c) => c.name === "reaction")!.default_member_permissions).toBeUndefined();
  });
});

describe("npm run deploy:discord", () => {
  const discord = new FakeDiscord();
  let rest: REST;
  beforeAll(async () => {
    await discord.start();
    rest = new REST({ api: discord.apiBase }).setToken(discord.token);
  });
  afterAll(async () => {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    await discord.stop();
  });

  it("GIVEN a guild id THEN the commands are bulk-overwritten in that guild only", async () => {
    const guildId = snowflake();
    const result = await deployCommands({ rest, applicationId: discord.applicationId, guildId });
    const put = await discord.waitForRequest((r) => r.method === "PUT");
    expect(put.path).toBe(`/applications/${discord.applicationId}/guilds/${guildId}/commands`);
    expect(put.headers.authorization).toBe(`Bot ${discord.token}`);
    expect(put.body.map((c: Json) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    expect(result).toEqual({ count: COMMANDS.length, scope: `server ${guildId}` });
  });

  it("GIVEN no guild id THEN the commands are registered globally", async () => {
    await deployCommands({ rest, applicationId: discord.applicationId });
    const put = await discord.waitForRequest((r) => r.method === "PUT" && !r.path.includes("/guilds/"));
    expect(put.path).toBe(`/applications/${discord.applicationId}/commands`);
  });
});
