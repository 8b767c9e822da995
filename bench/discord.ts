import { Client, Events, GatewayIntentBits, Partials } from "discord.js";
import { DiscordPlatform } from "../src/platforms/discord/discordPlatform.js";
import { buttonInteraction, commandInteraction, messagePayload, snowflake } from "../tests/peers/discordPayloads.js";
import { FakeDiscord } from "../tests/peers/fakeDiscord.js";
import { kabarAsStarted } from "./kabarAsStarted.js";
import { type BenchSection, type Figures, round } from "./harness.js";
import { bestOf } from "./perUpdate.js";

/**
 * Slash commands and button presses handled per second through discord.js's
 * own packet dispatch (INTERACTION_CREATE -> Interaction -> our handler ->
 * reply via @discordjs/rest), for our bot and for a bare client that answers
 * with a constant (a reply to a command, an update for a button), in the same run. Both log in to the local fake Discord; the
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
const BUTTONS = ["k1|reaction|en|actor=france", "k1|reaction|id|actor=un", "k1|summary|en|", "k1|background|en|topic=russia-role", "k1|actors|id|"];

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

type Kind = "slash" | "button";

function interaction(kind: Kind, i: number, applicationId: string, user: { id: string; username: string }) {
  const place = { channelId: snowflake(), user, locale: i % 2 ? "id" : "en-US" };
  if (kind === "slash") return commandInteraction("command", place, applicationId, COMMANDS[i % COMMANDS.length]!);
  const message = messagePayload({ channelId: place.channelId, author: { id: applicationId, username: "kabar", bot: true }, content: "" });
  return buttonInteraction(place, applicationId, BUTTONS[i % BUTTONS.length]!, message);
}

/** CPU µs per interaction (process.cpuUsage, see perUpdate.ts): the machine's cores are shared. */
async function measure(client: Client, applicationId: string, kind: Kind): Promise<number> {
  const rest = countingRest(client);
  const user = { id: snowflake(), username: "bench" };
  const packets = Array.from({ length: INTERACTIONS }, (_, i) => ({ op: 0, t: "INTERACTION_CREATE", s: i + 1000, d: interaction(kind, i, applicationId, user) }));
  // The dispatcher's entry point for a received packet (WebSocketManager#handlePacket, private in the typings).
  const ws = client.ws as unknown as { handlePacket(packet: unknown, shard: unknown): void; shards: Map<number, unknown> };
  const shard = ws.shards.get(0);
  const finished = rest.done(INTERACTIONS);
  const start = process.cpuUsage();
  for (const packet of packets) ws.handlePacket(packet, shard);
  await finished;
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / INTERACTIONS;
}

export const discordSection: BenchSection = {
  name: "discord interactions",
  async run() {
    const discord = new FakeDiscord();
    await discord.start();
    // kabar as npm start wires it (follow-ups, /lang through a store, the limiter, metrics, an info-level logger).
    const { kabar, logger } = kabarAsStarted();
    const ours = new DiscordPlatform({ kabar, logger: logger.child({ platform: "discord" }), token: discord.token, applicationId: discord.applicationId, apiBase: discord.apiBase });
    const bare = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
      partials: [Partials.Channel],
      rest: { api: discord.apiBase },
    });
    bare.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) void interaction.reply({ content: "ok" });
      else if (interaction.isButton()) void interaction.update({ content: "ok" });
    });
    try {
      await ours.start();
      await bare.login(discord.token);
      if (!bare.isReady()) await new Promise((r) => bare.once(Events.ClientReady, r));
      const figures: Figures = { interactions_per_kind: INTERACTIONS };
      for (const kind of ["slash", "button"] as const) {
        // Warm up both (JIT, caches), then the best of alternating runs of each.
        await measure(ours.client, discord.applicationId, kind);
        await measure(bare, discord.applicationId, kind);
        const best = await bestOf(3, () => measure(ours.client, discord.applicationId, kind), () => measure(bare, discord.applicationId, kind));
        figures[`${kind}_kabar_us`] = round(best.ours, 1);
        figures[`${kind}_bare_us`] = round(best.bare, 1);
        figures[`${kind}_ratio`] = round(best.bare / best.ours, 3);
      }
      return figures;
    } finally {
      await ours.stop();
      await bare.destroy();
      await discord.stop();
    }
  },
};
