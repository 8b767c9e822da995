import type { ChatContext, CommandDefinition, OptionDefinition, SubcommandDefinition } from "../src/core/command.js";
import type { Lang } from "../src/core/lang.js";
import { makeReply, type Reply } from "../src/core/reply.js";
import { t } from "../src/core/strings.js";
import { composeDigest } from "../src/digest/compose.js";
import { parseTarget } from "../src/core/target.js";
import { type DigestServices, digestServices } from "../src/digest/service.js";
import { nextSlot, parseLocalTime } from "../src/digest/slots.js";
import { resolveSubscribeArgs, userError } from "../src/digest/subscribeArgs.js";
import type { Subscription } from "../src/store/types.js";

/**
 * /digest subscribe [time] [timezone] [language] [mode] | unsubscribe | status | preview.
 * One subscription per chat. Outside DMs every subcommand needs manage rights
 * (Telegram chat administrator, Discord Manage Channels): Discord hides the
 * command from others through default_member_permissions, and `run` checks
 * again, because that default can be overridden per server and Telegram has
 * no such gate.
 */
const subscribeOptions: OptionDefinition[] = [
  { name: "time", nameId: "jam", description: { id: "Jam kirim, HH:MM 24 jam (bawaan 07:00)", en: "Delivery time, 24-hour HH:MM (default 07:00)" }, source: "time" },
  { name: "timezone", nameId: "zona-waktu", description: { id: "Zona waktu IANA (bawaan Asia/Jakarta)", en: "IANA timezone (default Asia/Jakarta)" }, source: "timezone" },
  {
    name: "language",
    nameId: "bahasa",
    description: { id: "Bahasa kabar harian (bawaan: bahasa Anda)", en: "Digest language (default: yours)" },
    source: "lang",
    choices: [
      { value: "id", label: { id: "Indonesia", en: "Indonesian" } },
      { value: "en", label: { id: "Inggris", en: "English" } },
    ],
  },
  {
    name: "mode",
    description: { id: "new: hanya yang baru; always: selalu kirim", en: "new: only new articles; always: send every day" },
    source: "mode",
    choices: [
      { value: "new", label: { id: "hanya yang baru", en: "new articles only" } },
      { value: "always", label: { id: "selalu", en: "always" } },
    ],
  },
];

const SUBCOMMANDS: SubcommandDefinition[] = [
  { name: "subscribe", nameId: "langganan", description: { id: "Berlangganan kabar harian di chat ini", en: "Subscribe this chat to a daily digest" }, options: subscribeOptions, requiresManage: true },
  { name: "unsubscribe", nameId: "berhenti", description: { id: "Hentikan kabar harian di chat ini", en: "Stop this chat's daily digest" }, options: [], requiresManage: true },
  { name: "status", description: { id: "Lihat langganan chat ini", en: "Show this chat's subscription" }, options: [], requiresManage: true },
  { name: "preview", nameId: "pratinjau", description: { id: "Lihat kabar harian sekarang (hanya Anda)", en: "See the digest now (only you)" }, options: [], requiresManage: true },
];

function formatWhen(instant: number, timeZone: string, lang: Lang): string {
  const text = new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(instant));
  return `${text} (${timeZone})`;
}

function nextDelivery(sub: Pick<Subscription, "time" | "timeZone">, now: number, lang: Lang): string {
  return formatWhen(nextSlot(now, parseLocalTime(sub.time)!, sub.timeZone).dueAt, sub.timeZone, lang);
}

function reasonText(reason: string | undefined, lang: Lang): string {
  const r = t(lang).digest.reasons;
  if (!reason || reason === "unsubscribed") return r.unsubscribed;
  if (reason.startsWith("gone")) return `${r.gone} (${reason.replace(/^gone:\s*/, "")})`;
  if (reason.startsWith("migrated_conflict")) return r.migratedConflict;
  return `${r.other} (${reason})`;
}

async function subscribe(call: { args: Record<string, string | undefined>; lang: Lang }, chat: ChatContext, services: DigestServices): Promise<Reply> {
  const { platform, chatId } = parseTarget(chat.target)!;
  const s = t(call.lang).digest;
  const existing = await services.store.get(platform, chatId);
  const settings = resolveSubscribeArgs(call.args, call.lang, existing);
  const now = services.clock.now();
  const sub = await services.store.subscribe({ platform, chatId, ...settings, ...(chat.userId ? { createdBy: chat.userId } : {}) }, now);
  const details = { time: sub.time, timeZone: sub.timeZone, lang: s.langs[sub.lang], mode: s.modes[sub.mode] };
  return makeReply({
    kind: "notice",
    lang: call.lang,
    title: s.statusTitle,
    blocks: [existing?.active ? s.updated(details) : s.subscribed(details), s.nextDelivery(nextDelivery(sub, now, call.lang))],
  });
}

async function status(lang: Lang, sub: Subscription | undefined, services: DigestServices): Promise<Reply> {
  const s = t(lang).digest;
  if (!sub) return makeReply({ kind: "notice", lang, title: s.statusTitle, blocks: [s.notSubscribed], private: true });
  const last = await services.store.lastSent(sub.id);
  const now = services.clock.now();
  const fields = [
    { name: s.labels.state, value: sub.active ? s.active : s.disabled(reasonText(sub.disabledReason, lang)) },
    { name: s.labels.time, value: sub.time },
    { name: s.labels.timeZone, value: sub.timeZone },
    { name: s.labels.lang, value: s.langs[sub.lang] },
    { name: s.labels.mode, value: s.modes[sub.mode] },
    ...(sub.active ? [{ name: s.labels.next, value: nextDelivery(sub, now, lang) }] : []),
    { name: s.labels.last, value: last ? formatWhen(last.updatedAt, sub.timeZone, lang) : s.never },
    ...(sub.createdBy ? [{ name: s.labels.by, value: sub.createdBy }] : []),
  ];
  return makeReply({ kind: "notice", lang, title: s.statusTitle, blocks: [], fields, private: true });
}

export default {
  name: "digest",
  nameId: "kabar-harian",
  description: { id: "Kabar harian terjadwal untuk chat ini", en: "Scheduled daily digest for this chat" },
  options: [],
  subcommands: SUBCOMMANDS,
  requiresManage: true,
  async run(call, ctx) {
    const { lang } = call;
    const services = digestServices(ctx.services);
    if (!services) throw userError("digest.unavailable", (c) => c.digest.unavailable);
    const chat = ctx.chat;
    const target = chat ? parseTarget(chat.target) : undefined;
    if (!chat || !target) throw userError("digest.no_chat", (c) => c.digest.noChat);
    const name = call.args.subcommand ?? "status";
    const sub = SUBCOMMANDS.find((d) => d.name === name);
    if (!sub) {
      const list = SUBCOMMANDS.map((d) => d.name).join(", ");
      throw userError("digest.unknown_subcommand", (c) => c.digest.unknownSubcommand(name, list));
    }
    if (sub.requiresManage && chat.type !== "private" && !(await chat.canManage())) {
      throw userError("digest.not_allowed", (c) => c.digest.notAllowed(chat.platform));
    }

    const s = t(lang).digest;
    const existing = await services.store.get(target.platform, target.chatId);
    switch (name) {
      case "subscribe":
        return subscribe(call, chat, services);
      case "unsubscribe": {
        const stopped = await services.store.unsubscribe(target.platform, target.chatId, services.clock.now());
        return makeReply({ kind: "notice", lang, title: s.statusTitle, blocks: [stopped ? s.unsubscribed : s.notSubscribed] });
      }
      case "preview": {
        const received = existing ? await services.store.receivedArticles(existing.id) : new Set<string>();
        // A preview always shows something: what would be sent, or the recap when nothing is new.
        const { reply } = composeDigest(ctx.library, received, existing?.lang ?? lang, "always")!;
        return { ...reply, blocks: [t(reply.lang).digest.previewNote, ...reply.blocks], private: true };
      }
      default:
        return status(lang, existing, services);
    }
  },
} satisfies CommandDefinition;
