import { articleBase, articleFor, followUpsFor, isReply } from "../src/core/articleReply.js";
import { articleOption, type CommandDefinition } from "../src/core/command.js";
import { makeReply } from "../src/core/reply.js";
import { formatDate, t } from "../src/core/strings.js";

export default {
  name: "source",
  nameId: "sumber",
  description: { id: "Sumber artikel: media, penulis, tanggal", en: "The article's source: outlet, author, date" },
  pure: true,
  options: [articleOption],
  async run(call, ctx) {
    const article = articleFor(call, ctx);
    if (isReply(article)) return article;
    const { lang } = call;
    const s = t(lang);
    const blocks = s.sourceBlocks(article.outlet, article.author, formatDate(article.eventsDate, lang), article.title[lang]);
    if (article.url) blocks.push(article.url);
    blocks.push(s.originalLanguage);
    return makeReply({
      ...articleBase(article, lang),
      kind: "source",
      title: s.sourceTitle,
      blocks,
      fields: article.related.map((r) => ({ name: s.relatedLabel, value: r })),
      followUps: followUpsFor(article, lang, { command: "source" }),
    });
  },
} satisfies CommandDefinition;
