import { performance } from "node:perf_hooks";
import { Client, Events, GatewayIntentBits, Partials } from "discord.js";
import { createLogger } from "../src/core/log.js";
import { DiscordPlatform } from "../src/platforms/discord/discordPlatform.js";
import { commandInteraction, snowflake } from "../tests/peers/discordPayloads.js";
import { FakeDiscord } from "../tests/peers/fakeDiscord.js";
import { testKabar } from "../tests/helpers/core.js";
import { type BenchSection, round } from "./harness.js";

/**
 * Slash-command interactions handled per second through discord.js's own
 * packet dispatch (INTERACTION_CREATE -> Interaction -> our handler -> reply
 * via @discordjs/rest), for our bot and for a bare client that replies a
 * constant, in the same run. Both log in to the local fake Discord; the
 * packets are then handed straight to the client's dispatcher and the REST
 * layer answers in-process, so the figures measure the bots, not a socket.
 */
const INTERACTIONS = 3000;
const COMMANDS = [
  { name: "reaction", options: [{ name: "actor", value: "france" }] },
  { name: "reaction", options: [{ name: "actor", value: "rusia" }] },
  { name: "summary", options: [{ name: "length", value: "short" }] },
  { name: "actors" },
  { name: "quote", options: [{ name: "actor", value: "pbb" }] },
];

/** Counts interaction callbacks, answering each like Discord does (204), without a network. */
function countingRest(client: Client): { done(n: number): Promise<void> } {
  let count = 0;
  let target = Infinity;
  let resolve: () => void = () => undefined;
  (client.rest.options as unknown as { makeRequest: (url: string) => Promise<Response> }).makeRequest = async (url) => {
    if (url.includes("/callback")) {
      count += 1;
      if (count === target) resolve();
    }
    return new Response(null, { status: 204 });
  };
  return {
    done(n) {
      count = 0;
      target = n;
      return new Promise((r) => (resolve = r));
    },
  };
}

async function measure(client: Client, applicationId: string): Promise<number> {
  const rest = countingRest(client);
  const user = { id: snowflake(), username: "bench" };
  const packets = Array.from({ length: INTERACTIONS }, (_, i) => ({
    op: 0,
    t: "INTERACTION_CREATE",
    s: i + 1000,
    d: commandInteraction("command", { channelId: snowflake(), user, locale: i % 2 ? "id" : "en-US" }, applicationId, COMMANDS[i % COMMANDS.length]!),
  }));
  // The dispatcher's entry point for a received packet (WebSocketManager#handlePacket, private in the typings).
  const ws = client.ws as unknown as { handlePacket(packet: unknown, shard: unknown): void; shards: Map<number, unknown> };
  const shard = ws.shards.get(0);
  const finished = rest.done(INTERACTIONS);
  const start = performance.now();
  for (const packet of packets) ws.handlePacket(packet, shard);
  await finished;
  return (INTERACTIONS / (performance.now() - start)) * 1000;
}

export const discordSection: BenchSection = {
  name: "discord interactions",
  async run() {
    const discord = new FakeDiscord();
    await discord.start();
    const logger = createLogger("silent");
    const ours = new DiscordPlatform({ kabar: testKabar({ logger }), logger, token: discord.token, applicationId: discord.applicationId, apiBase: discord.apiBase });
    const bare = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
      partials: [Partials.Channel],
      rest: { api: discord.apiBase },
    });
    bare.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) void interaction.reply({ content: "ok" });
    });
    try {
      await ours.start();
      await bare.login(discord.token);
      if (!bare.isReady()) await new Promise((r) => bare.once(Events.ClientReady, r));
      // Warm up both (JIT, caches), then measure each in turn.
      await measure(ours.client, discord.applicationId);
      await measure(bare, discord.applicationId);
      const oursPerSecond = await measure(ours.client, discord.applicationId);
      const barePerSecond = await measure(bare, discord.applicationId);
      return {
        interactions: INTERACTIONS,
        kabar_interactions_per_s: round(oursPerSecond, 0),
        bare_discordjs_interactions_per_s: round(barePerSecond, 0),
        ratio_kabar_over_bare: round(oursPerSecond / barePerSecond, 3),
      };
    } finally {
      await ours.stop();
      await bare.destroy();
      await discord.stop();
    }
  },
};
