import type { Lang } from "./lang.js";
import type { PlatformName } from "./target.js";

/**
 * Every user-facing sentence of the bot, in Indonesian and English. Platforms
 * and commands take their words from here so a reply reads the same everywhere.
 */
export interface Catalogue {
  sourceLine(outlet: string, author: string, date: string): string;
  relatedLabel: string;
  summaryTitle: string;
  reactionTitle(actor: string): string;
  quoteTitle(actor: string): string;
  actorsTitle: string;
  actorsIntro: string;
  sourceTitle: string;
  sourceBlocks(outlet: string, author: string, date: string, title: string): string[];
  originalLanguage: string;
  helpTitle: string;
  helpIntro(title: string): string;
  helpExamplesTitle: string;
  /** Example questions, filled with the newest article's actors, speakers and sections (src/content/examples.ts). */
  examples: { say(actor: string): string; react(actor: string): string; quote(speaker: string): string };
  notFoundTitle: string;
  notFound(name: string, available: string): string;
  unknownActorTitle: string;
  unknownActor(name: string, available: string): string;
  unknownTitle: string;
  unknown(title: string): string;
  unknownArticle(id: string, available: string): string;
  unknownTopic(topic: string, available: string): string;
  noQuotes(actor: string): string;
  translationLabel: string;
  unknownCommand(name: string): string;
  thanks: string;
  pickActor(command: string, available: string): string;
  quotesTitle: string;
  langSet(lang: string): string;
  langAuto: string;
  langUnavailable: string;
  badLang(value: string): string;
  /** Fact answers: the article's own sentence, and a fact it does not hold. */
  factIntro: string;
  factIntroTranslated: string;
  factIntroUntranslated: string;
  factNotHeld(words: string): string;
  factCovers(actors: string, sections: string): string;
  /** One line before an answer from an article whose English fields an editor has not written yet. */
  englishPending: string;
  /** Scheduled digests: the digest itself and the /digest command. */
  digest: DigestStrings;
  followSummary: string;
  followBackground(title: string): string;
  followActors: string;
  followSource: string;
  emptyMessage(example: string): string;
  messageTooLong(max: number): string;
  /** The one notice a user gets on going over the per-user request limit. */
  rateLimited(seconds: number): string;
  /** Ends the last message of an answer cut to the per-reply message limit. */
  replyCut: string;
  genericError: string;
  staleButton: string;
  sentPrivately: string;
  consoleHint: string;
  consoleUsage: string;
  consoleExamples(examples: string[]): string;
  startPrivateChatFirst(botUsername: string): string;
  availableReactions: string;
  /** Free text several articles could answer: which one the reply is from. */
  answeredFrom(title: string, date: string, others: number): string;
  /** /articles: the list of articles. */
  articlesTitle: string;
  articlesIntro(total: number, page: number, pages: number): string;
  articlesPrevious: string;
  articlesNext: string;
  /** Telegram /start. */
  startTitle(name: string): string;
  startIntro(title: string, example: string): string;
}

/** What a subscription confirmation names. */
export interface DigestDetails {
  time: string;
  timeZone: string;
  lang: string;
  mode: string;
}

export interface DigestStrings {
  title(count: number): string;
  intro(count: number): string;
  recapTitle(title: string): string;
  backgroundLabel: string;
  subscribed(details: DigestDetails): string;
  updated(details: DigestDetails): string;
  nextDelivery(when: string): string;
  unsubscribed: string;
  notSubscribed: string;
  statusTitle: string;
  labels: { time: string; timeZone: string; lang: string; mode: string; state: string; next: string; last: string; by: string };
  active: string;
  disabled(why: string): string;
  reasons: { unsubscribed: string; gone: string; migratedConflict: string; other: string };
  never: string;
  modes: { new: string; always: string };
  langs: { id: string; en: string };
  badTime(value: string): string;
  badTimeZone(value: string): string;
  badLang(value: string): string;
  badMode(value: string): string;
  unknownSubcommand(value: string, available: string): string;
  notAllowed(platform: PlatformName): string;
  noChat: string;
  unavailable: string;
  previewNote: string;
}

const id: Catalogue = {
  sourceLine: (outlet, author, date) => `Sumber: ${outlet} / ${author}, peristiwa ${date}`,
  relatedLabel: "Baca juga",
  summaryTitle: "Ringkasan",
  reactionTitle: (actor) => `Reaksi ${actor}`,
  quoteTitle: (actor) => `Kutipan: ${actor}`,
  actorsTitle: "Reaksi dalam artikel ini",
  actorsIntro: "Artikel ini memuat reaksi dari:",
  sourceTitle: "Sumber",
  sourceBlocks: (outlet, author, date, title) => [
    `Media: ${outlet}`,
    `Penulis: ${author}`,
    `Tanggal peristiwa: ${date}`,
    `Judul (ringkasan kami): ${title}`,
  ],
  originalLanguage: "Bahasa asli: Indonesia",
  helpTitle: "Kabar: yang bisa saya bantu",
  helpIntro: (title) =>
    `Saya menjawab pertanyaan tentang artikel "${title}". Tanyakan dengan bahasa sehari-hari atau pakai perintah di bawah.`,
  helpExamplesTitle: "Contoh pertanyaan",
  examples: {
    say: (actor) => `apa kata ${actor}?`,
    react: (actor) => `gmn reaksi ${actor}?`,
    quote: (speaker) => `kutip dong omongan ${speaker}`,
  },
  notFoundTitle: "Tidak ada di artikel ini",
  notFound: (name, available) =>
    `Artikel ini tidak memuat reaksi dari ${name}. Reaksi yang ada: ${available}.`,
  unknownActorTitle: "Pihak tidak dikenal",
  unknownActor: (name, available) =>
    `Saya tidak menemukan "${name}" di artikel ini. Reaksi yang ada: ${available}.`,
  unknownTitle: "Di luar cakupan saya",
  unknown: (title) =>
    `Maaf, saya hanya bisa menjawab tentang artikel "${title}": ringkasan, reaksi tiap negara atau lembaga, kutipan, latar belakang, dan sumbernya. Ketik /help untuk contoh.`,
  unknownArticle: (articleId, available) => `Artikel "${articleId}" tidak ada. Artikel yang tersedia: ${available}.`,
  unknownTopic: (topic, available) => `Latar belakang "${topic}" tidak ada. Yang tersedia: ${available}.`,
  noQuotes: (actor) => `Artikel ini tidak memuat kutipan langsung dari ${actor}.`,
  translationLabel: "Terjemahan kami",
  unknownCommand: (name) => `Perintah /${name} tidak dikenal. Lihat /help.`,
  thanks: "Sama-sama! Tanyakan saja kalau ada yang lain tentang artikel ini.",
  quotesTitle: "Kutipan langsung dalam artikel",
  pickActor: (command, available) => `Pilih salah satu, misalnya /${command} prancis. Yang ada: ${available}.`,
  langSet: (lang) => `Mulai sekarang saya menjawab di chat ini dalam ${lang}. (/lang auto: ikuti bahasa pertanyaan)`,
  langUnavailable: "Pilihan bahasa per chat belum aktif di bot ini (tidak ada penyimpanan).",
  langAuto: "Mulai sekarang saya menjawab dalam bahasa pertanyaan Anda.",
  badLang: (value) => `"${value}" bukan pilihan bahasa. Pakai /lang id, /lang en, atau /lang auto.`,
  factIntro: "Menurut artikel:",
  factIntroTranslated: "Menurut artikel (terjemahan kami):",
  factIntroUntranslated: "Menurut artikel (dalam bahasa aslinya; belum ada terjemahan kami untuk bagian ini):",
  factNotHeld: (words) => `Artikel ini tidak memuat hal itu: "${words}" tidak disebut di dalamnya, jadi saya tidak menebak.`,
  factCovers: (actors, sections) => `Yang dimuat artikel ini: reaksi ${actors}${sections ? `; latar belakang: ${sections}` : ""}.`,
  englishPending: "Versi bahasa Inggris artikel ini belum ditulis; berikut teks bahasa Indonesianya.",
  digest: {
    title: (n) => (n > 1 ? `Kabar harian: ${n} artikel baru` : "Kabar harian"),
    intro: (n) => `${n} artikel yang belum Anda terima di kabar harian, yang terbaru lebih dulu.`,
    recapTitle: (title) => `Rekap (tidak ada artikel baru): ${title}`,
    backgroundLabel: "Latar belakang",
    subscribed: (d) => `Langganan aktif: kabar harian setiap hari pukul ${d.time} (${d.timeZone}), ${d.lang}, ${d.mode}.`,
    updated: (d) => `Langganan diperbarui: kabar harian setiap hari pukul ${d.time} (${d.timeZone}), ${d.lang}, ${d.mode}.`,
    nextDelivery: (when) => `Kiriman berikutnya: ${when}.`,
    unsubscribed: "Langganan kabar harian dihentikan. Ketik /digest subscribe untuk berlangganan lagi.",
    notSubscribed: "Chat ini belum berlangganan kabar harian. Contoh: /digest subscribe 07:00 Asia/Jakarta",
    statusTitle: "Langganan kabar harian",
    labels: { time: "Jam", timeZone: "Zona waktu", lang: "Bahasa", mode: "Mode", state: "Status", next: "Kiriman berikutnya", last: "Terakhir dikirim", by: "Diatur oleh" },
    active: "aktif",
    disabled: (why) => `nonaktif: ${why}`,
    reasons: {
      unsubscribed: "dihentikan dengan /digest unsubscribe",
      gone: "bot diblokir, dikeluarkan, atau chat tidak ada lagi",
      migratedConflict: "grup pindah ke supergrup yang sudah punya langganan sendiri",
      other: "gagal dikirim",
    },
    never: "belum pernah",
    modes: { new: "hanya artikel baru", always: "selalu (rekap jika tidak ada yang baru)" },
    langs: { id: "bahasa Indonesia", en: "bahasa Inggris" },
    badTime: (v) => `"${v}" bukan jam yang valid. Tulis jam 24 jam HH:MM, misalnya: /digest subscribe 07:30 Asia/Jakarta`,
    badTimeZone: (v) =>
      `"${v}" bukan zona waktu yang dikenal. Pakai nama IANA seperti Asia/Jakarta, Asia/Makassar, Asia/Jayapura atau Europe/London (WIB, WITA, WIT juga bisa), misalnya: /digest subscribe 07:30 Asia/Makassar`,
    badLang: (v) => `"${v}" bukan bahasa yang tersedia. Pilih id atau en, misalnya: /digest subscribe 07:00 Asia/Jakarta en`,
    badMode: (v) => `"${v}" bukan mode yang tersedia. Pilih new (hanya yang baru) atau always (selalu), misalnya: /digest subscribe 07:00 Asia/Jakarta id always`,
    unknownSubcommand: (v, list) => `Perintah /digest ${v} tidak ada. Yang tersedia: ${list}.`,
    notAllowed: (platform) =>
      platform === "discord"
        ? "Maaf, di server ini hanya anggota dengan izin Manage Channels yang dapat mengatur kabar harian."
        : "Maaf, di grup ini hanya admin yang dapat mengatur kabar harian.",
    noChat: "Kabar harian diatur dari sebuah chat (Telegram, Discord, atau konsol).",
    unavailable: "Kabar harian belum aktif di bot ini.",
    previewNote: "Pratinjau: hanya untuk Anda, tidak dihitung sebagai kiriman.",
  },
  followSummary: "Ringkasan",
  followBackground: (title) => `Latar: ${title}`,
  followActors: "Semua reaksi",
  followSource: "Sumber",
  emptyMessage: (example) => `Pesannya kosong. Tanyakan sesuatu tentang artikel ini, misalnya: ${example}`,
  messageTooLong: (max) => `Pesannya terlalu panjang (lebih dari ${max} karakter). Coba tanyakan dengan singkat.`,
  rateLimited: (seconds) => `Terlalu banyak permintaan. Coba lagi dalam ${seconds} detik.`,
  replyCut: "Jawaban ini dipotong di sini agar tidak membanjiri chat. Selengkapnya ada di sumbernya, atau tanyakan bagian yang lebih spesifik.",
  genericError: "Maaf, ada yang tidak beres di pihak saya. Coba lagi sebentar lagi.",
  staleButton: "Tombol ini sudah tidak berlaku. Ketik /help untuk mulai lagi.",
  sentPrivately: "Sudah saya kirim lewat pesan pribadi.",
  consoleHint:
    "Obrolan konsol tentang artikel bawaan. Untuk Telegram atau Discord, isi TELEGRAM_BOT_TOKEN atau DISCORD_TOKEN + DISCORD_APPLICATION_ID di .env (lihat README).",
  consoleUsage: "Ketik /help untuk daftar perintah, /exit atau Ctrl-D untuk keluar.",
  consoleExamples: (examples) => `Contoh: ${examples.join(" · ")}`,
  startPrivateChatFirst: (bot) => `Saya belum bisa mengirim pesan pribadi ke Anda. Buka chat dengan @${bot}, tekan Start, lalu coba lagi.`,
  availableReactions: "Reaksi yang ada",
  answeredFrom: (title, date, others) =>
    `Dari artikel "${title}" (${date}). ${others > 1 ? `${others} artikel lain` : "Artikel lain"} juga membahasnya: lihat /articles.`,
  articlesTitle: "Artikel",
  articlesIntro: (total, page, pages) =>
    `${total} artikel, yang terbaru lebih dulu (halaman ${page} dari ${pages}). Pilih satu untuk ringkasannya, atau ketik /summary article=<id>.`,
  articlesPrevious: "« Sebelumnya",
  articlesNext: "Berikutnya »",
  startTitle: (name) => (name ? `Halo, ${name}!` : "Halo!"),
  startIntro: (title, example) =>
    `Saya Kabar. Saya menjawab tentang artikel "${title}": ringkasan, reaksi tiap negara atau lembaga, kutipan, dan latar belakangnya. Pilih bagian di bawah, pakai perintah (/help), atau tanyakan saja, misalnya: ${example}`,
};

const en: Catalogue = {
  sourceLine: (outlet, author, date) => `Source: ${outlet} / ${author}, events of ${date}`,
  relatedLabel: "Related (Indonesian)",
  summaryTitle: "Summary",
  // "France's reaction", but "United Nations' reaction".
  reactionTitle: (actor) => `${actor}${actor.endsWith("s") ? "'" : "'s"} reaction`,
  quoteTitle: (actor) => `Quote: ${actor}`,
  actorsTitle: "Reactions in this article",
  actorsIntro: "The article reports reactions from:",
  sourceTitle: "Source",
  sourceBlocks: (outlet, author, date, title) => [
    `Outlet: ${outlet}`,
    `Author: ${author}`,
    `Date of the events: ${date}`,
    `Title (our summary): ${title}`,
  ],
  originalLanguage: "Original language: Indonesian",
  helpTitle: "Kabar: what I can do",
  helpIntro: (title) =>
    `I answer questions about the article "${title}". Ask in plain words or use the commands below.`,
  helpExamplesTitle: "Example questions",
  examples: {
    say: (actor) => `what did ${actor} say?`,
    react: (actor) => `how did ${actor} react?`,
    quote: (speaker) => `give me a quote from ${speaker}`,
  },
  notFoundTitle: "Not in this article",
  notFound: (name, available) =>
    `The article has no reaction from ${name}. The reactions it has: ${available}.`,
  unknownActorTitle: "Unknown party",
  unknownActor: (name, available) =>
    `I could not find "${name}" in this article. The reactions it has: ${available}.`,
  unknownTitle: "Outside what I cover",
  unknown: (title) =>
    `Sorry, I can only answer about the article "${title}": its summary, each country's or organisation's reaction, quotes, background and source. Type /help for examples.`,
  unknownArticle: (articleId, available) => `There is no article "${articleId}". Available: ${available}.`,
  unknownTopic: (topic, available) => `There is no background section "${topic}". Available: ${available}.`,
  noQuotes: (actor) => `The article has no direct quote from ${actor}.`,
  translationLabel: "Our translation",
  unknownCommand: (name) => `Unknown command /${name}, see /help.`,
  thanks: "You're welcome! Ask me anything else about the article.",
  quotesTitle: "Direct quotes in the article",
  pickActor: (command, available) => `Pick one, for example /${command} france. Available: ${available}.`,
  langSet: (lang) => `From now on I answer in ${lang} in this chat. (/lang auto: follow the question's language)`,
  langUnavailable: "Choosing a language per chat is not enabled on this bot (no store).",
  langAuto: "From now on I answer in the language of your question.",
  badLang: (value) => `"${value}" is not a language choice. Use /lang id, /lang en or /lang auto.`,
  factIntro: "The article says:",
  factIntroTranslated: "The article says (our translation):",
  factIntroUntranslated: "The article says (in its original language; we have no English rendering of this part yet):",
  factNotHeld: (words) => `The article does not hold that: it never mentions "${words}", so I will not guess.`,
  factCovers: (actors, sections) => `What it covers: reactions from ${actors}${sections ? `; background: ${sections}` : ""}.`,
  englishPending: "The English version of this article is pending; here is the Indonesian text.",
  digest: {
    title: (n) => (n > 1 ? `Daily Kabar: ${n} new articles` : "Daily Kabar"),
    intro: (n) => `${n} articles you have not had in a digest yet, newest first.`,
    recapTitle: (title) => `Recap (nothing new): ${title}`,
    backgroundLabel: "Background",
    subscribed: (d) => `Subscribed: a daily digest at ${d.time} (${d.timeZone}), in ${d.lang}, ${d.mode}.`,
    updated: (d) => `Subscription updated: a daily digest at ${d.time} (${d.timeZone}), in ${d.lang}, ${d.mode}.`,
    nextDelivery: (when) => `Next digest: ${when}.`,
    unsubscribed: "The daily digest is off. Type /digest subscribe to subscribe again.",
    notSubscribed: "This chat has no daily digest. For example: /digest subscribe 07:00 Asia/Jakarta",
    statusTitle: "Daily digest subscription",
    labels: { time: "Time", timeZone: "Timezone", lang: "Language", mode: "Mode", state: "Status", next: "Next digest", last: "Last sent", by: "Set by" },
    active: "active",
    disabled: (why) => `off: ${why}`,
    reasons: {
      unsubscribed: "stopped with /digest unsubscribe",
      gone: "the bot was blocked or removed, or the chat no longer exists",
      migratedConflict: "the group moved to a supergroup that already has its own subscription",
      other: "delivery failed",
    },
    never: "never",
    modes: { new: "new articles only", always: "always (a recap when nothing is new)" },
    langs: { id: "Indonesian", en: "English" },
    badTime: (v) => `"${v}" is not a valid time. Use the 24-hour HH:MM form, for example: /digest subscribe 07:30 Asia/Jakarta`,
    badTimeZone: (v) =>
      `"${v}" is not a timezone I know. Use an IANA name such as Asia/Jakarta, Asia/Makassar, Asia/Jayapura or Europe/London (WIB, WITA and WIT work too), for example: /digest subscribe 07:30 Europe/London`,
    badLang: (v) => `"${v}" is not a language I offer. Choose id or en, for example: /digest subscribe 07:00 Asia/Jakarta en`,
    badMode: (v) => `"${v}" is not a mode. Choose new (only new articles) or always, for example: /digest subscribe 07:00 Asia/Jakarta en always`,
    unknownSubcommand: (v, list) => `There is no /digest ${v}. Available: ${list}.`,
    notAllowed: (platform) =>
      platform === "discord"
        ? "Sorry, in this server only members with the Manage Channels permission can change the daily digest."
        : "Sorry, in this group only administrators can change the daily digest.",
    noChat: "The daily digest is set up from a chat (Telegram, Discord or the console).",
    unavailable: "The daily digest is not enabled on this bot.",
    previewNote: "Preview: only for you, not counted as a delivery.",
  },
  followSummary: "Summary",
  followBackground: (title) => `Background: ${title}`,
  followActors: "All reactions",
  followSource: "Source",
  emptyMessage: (example) => `That message is empty. Ask something about the article, for example: ${example}`,
  messageTooLong: (max) => `That message is too long (over ${max} characters). Try a shorter question.`,
  rateLimited: (seconds) => `Too many requests. Try again in ${seconds} seconds.`,
  replyCut: "This answer is cut here so it does not flood the chat. The rest is in the source, or ask about a narrower part.",
  genericError: "Sorry, something went wrong on my side. Please try again in a moment.",
  staleButton: "This button has expired. Type /help to start again.",
  sentPrivately: "Sent to you in a private message.",
  consoleHint:
    "Console chat on the bundled article. To connect Telegram or Discord, set TELEGRAM_BOT_TOKEN or DISCORD_TOKEN + DISCORD_APPLICATION_ID in .env (see README).",
  consoleUsage: "Type /help for commands, /exit or Ctrl-D to leave.",
  consoleExamples: (examples) => `For example: ${examples.join(" · ")}`,
  startPrivateChatFirst: (bot) => `I can't message you privately yet. Open a chat with @${bot}, press Start, then try again.`,
  availableReactions: "Reactions available",
  answeredFrom: (title, date, others) =>
    `From the article "${title}" (${date}). ${others > 1 ? `${others} other articles cover` : "Another article covers"} it too: see /articles.`,
  articlesTitle: "Articles",
  articlesIntro: (total, page, pages) =>
    `${total} article${total === 1 ? "" : "s"}, newest first (page ${page} of ${pages}). Pick one for its summary, or type /summary article=<id>.`,
  articlesPrevious: "« Previous",
  articlesNext: "Next »",
  startTitle: (name) => (name ? `Hello, ${name}!` : "Hello!"),
  startIntro: (title, example) =>
    `I am Kabar. I answer about the article "${title}": its summary, each country's or organisation's reaction, quotes and background. Pick a section below, use a command (/help), or just ask, for example: ${example}`,
};

export const STRINGS: Record<Lang, Catalogue> = { id, en };

export function t(lang: Lang): Catalogue {
  return STRINGS[lang];
}

/** "20 September 2023" in the reply language (dates are calendar dates, so UTC). */
// Building an Intl.DateTimeFormat costs ~40 µs, most of an answer's time: one per language, made once.
const DATE_FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
};

// Formatting itself still costs a few µs through Intl, for the handful of dates the content has: each is formatted once.
const formattedDates = new Map<string, string>();
export function formatDate(isoDate: string, lang: Lang): string {
  const key = `${lang}${isoDate}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    text = DATE_FORMATS[lang].format(new Date(`${isoDate}T00:00:00Z`));
    if (formattedDates.size >= 1000) formattedDates.clear();
    formattedDates.set(key, text);
  }
  return text;
}
