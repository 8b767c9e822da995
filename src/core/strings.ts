import type { Lang } from "./lang.js";

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
  helpExamples: string[];
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
  followSummary: string;
  followBackground(title: string): string;
  followActors: string;
  followSource: string;
  emptyMessage: string;
  messageTooLong(max: number): string;
  genericError: string;
  staleButton: string;
  availableReactions: string;
  /** Telegram /start. */
  startTitle(name: string): string;
  startIntro(title: string): string;
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
  helpExamples: ["apa kata Prancis?", "gmn reaksi PBB?", "apa peran Rusia?", "kutip dong omongan Colonna"],
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
  followSummary: "Ringkasan",
  followBackground: (title) => `Latar: ${title}`,
  followActors: "Semua reaksi",
  followSource: "Sumber",
  emptyMessage: "Pesannya kosong. Tanyakan sesuatu tentang artikel ini, misalnya: apa kata Prancis?",
  messageTooLong: (max) => `Pesannya terlalu panjang (lebih dari ${max} karakter). Coba tanyakan dengan singkat.`,
  genericError: "Maaf, ada yang tidak beres di pihak saya. Coba lagi sebentar lagi.",
  staleButton: "Tombol ini sudah tidak berlaku. Ketik /help untuk mulai lagi.",
  availableReactions: "Reaksi yang ada",
  startTitle: (name) => (name ? `Halo, ${name}!` : "Halo!"),
  startIntro: (title) =>
    `Saya Kabar. Saya menjawab tentang artikel "${title}": ringkasan, reaksi tiap negara atau lembaga, kutipan, dan latar belakangnya. Pilih bagian di bawah, pakai perintah (/help), atau tanyakan saja, misalnya: apa kata Prancis?`,
};

const en: Catalogue = {
  sourceLine: (outlet, author, date) => `Source: ${outlet} / ${author}, events of ${date}`,
  relatedLabel: "Related (Indonesian)",
  summaryTitle: "Summary",
  reactionTitle: (actor) => `${actor}'s reaction`,
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
  helpExamples: ["what did France say?", "how did the UN react?", "what is Russia's role?", "give me a quote from Colonna"],
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
  followSummary: "Summary",
  followBackground: (title) => `Background: ${title}`,
  followActors: "All reactions",
  followSource: "Source",
  emptyMessage: "That message is empty. Ask something about the article, for example: what did France say?",
  messageTooLong: (max) => `That message is too long (over ${max} characters). Try a shorter question.`,
  genericError: "Sorry, something went wrong on my side. Please try again in a moment.",
  staleButton: "This button has expired. Type /help to start again.",
  availableReactions: "Reactions available",
  startTitle: (name) => (name ? `Hello, ${name}!` : "Hello!"),
  startIntro: (title) =>
    `I am Kabar. I answer about the article "${title}": its summary, each country's or organisation's reaction, quotes and background. Pick a section below, use a command (/help), or just ask, for example: what did France say?`,
};

export const STRINGS: Record<Lang, Catalogue> = { id, en };

export function t(lang: Lang): Catalogue {
  return STRINGS[lang];
}

/** "20 September 2023" in the reply language (dates are calendar dates, so UTC). */
export function formatDate(isoDate: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
