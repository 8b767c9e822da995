import { articleBase, articleFor, followUpsFor, isReply } from "../src/core/articleReply.js";
import { articleOption, type CommandDefinition } from "../src/core/command.js";
import { makeReply } from "../src/core/reply.js";
import { t } from "../src/core/strings.js";

export default {
  name: "summary",
  nameId: "ringkasan",
  description: { id: "Ringkasan artikel", en: "Summary of the article" },
  pure: true,
  options: [
    {
      name: "length",
      nameId: "panjang",
      description: { id: "Pendek atau panjang (bawaan: panjang)", en: "Short or long (default: long)" },
      choices: [
        { value: "short", label: { id: "pendek", en: "short" } },
        { value: "long", label: { id: "panjang", en: "long" } },
      ],
    },
    articleOption,
  ],
  async run(call, ctx) {
    const article = articleFor(call, ctx);
    if (isReply(article)) return article;
    const { lang } = call;
    const short = call.args.length === "short";
    return makeReply({
      ...articleBase(article, lang),
      kind: "summary",
      title: `${t(lang).summaryTitle}: ${article.title[lang]}`,
      blocks: short ? [article.summary.short[lang]] : [...article.summary.long[lang]],
      fields: article.related.map((r) => ({ name: t(lang).relatedLabel, value: r })),
      followUps: followUpsFor(article, lang, { command: "summary" }),
    });
  },
} satisfies CommandDefinition;
