import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscordTestBot, type DiscordTestBot } from "./peers/discordHarness.js";
import type { RecordedRequest } from "./peers/fakeDiscord.js";
import { kabarOver, threeArticleLibrary } from "./helpers/library.js";
import { FUKUSHIMA, RICE } from "./helpers/mainProcess.js";

/** Discord's `article` option suggests articles by their title, typed in either language. */
describe("article autocomplete on the fake Discord", () => {
  let bot: DiscordTestBot;
  beforeAll(async () => {
    bot = await startDiscordTestBot({ kabar: kabarOver(threeArticleLibrary()) });
  });
  afterAll(async () => bot?.close());

  async function suggest(typed: string, locale: string): Promise<{ name: string; value: string }[]> {
    const sent = bot.discord.autocomplete(bot.inGuild({ locale }), {
      name: "summary",
      options: [{ name: "article", value: typed, focused: true }],
    });
    const { body } = await bot.discord.waitForRequest((r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${sent.id}/`));
    return body.data.choices;
  }

  it.each([
    ["beras", "id", RICE, "2023-11-02: India memperpanjang pembatasan ekspor beras, Filipina mencari pemasok lain"],
    ["rice", "id", RICE, "2023-11-02: India memperpanjang pembatasan ekspor beras, Filipina mencari pemasok lain"],
    ["rice", "en-US", RICE, "2023-11-02: India extends its rice export curbs, the Philippines looks for other suppliers"],
    ["air olahan", "en-US", FUKUSHIMA, "2023-08-24: Japan starts releasing treated Fukushima water into the sea, China bans seafood imports"],
    ["treated", "id", FUKUSHIMA, "2023-08-24: Jepang mulai membuang air olahan Fukushima ke laut, Tiongkok melarang impor makanan laut"],
  ])("GIVEN %j typed (client locale %s) THEN only %s is suggested, titled in the client's language", async (typed, locale, id, name) => {
    expect(await suggest(typed, locale)).toEqual([{ name, value: id }]);
  });

  it("GIVEN nothing typed THEN every article, newest first", async () => {
    expect((await suggest("", "en-US")).map((c) => c.value)).toEqual([RICE, "2023-09-20-karabakh-reactions", FUKUSHIMA]);
  });
});
