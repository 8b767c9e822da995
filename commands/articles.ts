import type { CommandDefinition } from "../src/core/command.js";
import { articleKey } from "../src/content/loader.js";
import type { Lang } from "../src/core/lang.js";
import { type FollowUp, makeReply } from "../src/core/reply.js";
import { formatDate, t } from "../src/core/strings.js";

/**
 * /articles [page]: the published articles, newest first, a page at a time.
 * Each article is a button to its summary; the summary call names the article
 * by its short key, because Telegram's callback data holds 64 bytes and an id
 * alone may take 64 (src/core/callbackData.ts). Drafts never reach the library.
 */
export const ARTICLES_PER_PAGE = 5;
/** Button labels stay short enough to read on a phone; the full title is in the list above them. */
const MAX_LABEL = 48;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function pageCall(page: number, lang: Lang) {
  return { command: "articles", lang, args: { page: String(page) } };
}

export default {
  name: "articles",
  nameId: "artikel",
  description: { id: "Daftar artikel, yang terbaru lebih dulu", en: "The articles, newest first" },
  options: [
    {
      name: "page",
      nameId: "halaman",
      description: { id: "Halaman daftar (bawaan: 1)", en: "Page of the list (default: 1)" },
    },
  ],
  async run(call, ctx) {
    const { lang } = call;
    const s = t(lang);
    const all = ctx.library.articles;
    const pages = Math.max(1, Math.ceil(all.length / ARTICLES_PER_PAGE));
    // A page past the end (the list shrank since the button was made) shows the last one.
    const asked = Number.parseInt(call.args.page ?? "1", 10);
    const page = Math.min(pages, Math.max(1, Number.isFinite(asked) ? asked : 1));
    const shown = all.slice((page - 1) * ARTICLES_PER_PAGE, page * ARTICLES_PER_PAGE);
    const followUps: FollowUp[] = shown.map((a) => ({
      label: `📰 ${clip(a.title[lang], MAX_LABEL)}`,
      call: { command: "summary", lang, args: { article: articleKey(a.id) } },
    }));
    if (page > 1) followUps.push({ label: s.articlesPrevious, call: pageCall(page - 1, lang) });
    if (page < pages) followUps.push({ label: s.articlesNext, call: pageCall(page + 1, lang) });
    return makeReply({
      kind: "articles",
      lang,
      title: s.articlesTitle,
      blocks: [s.articlesIntro(all.length, page, pages)],
      fields: shown.map((a, i) => ({
        name: `${(page - 1) * ARTICLES_PER_PAGE + i + 1}. ${a.title[lang]}`,
        value: `${formatDate(a.eventsDate, lang)} · ${a.id}`,
      })),
      followUps,
    });
  },
} satisfies CommandDefinition;
