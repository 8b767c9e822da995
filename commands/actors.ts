import { articleBase, articleFor, factNotHeldReply, followUpsFor, isReply } from "../src/core/articleReply.js";
import { articleOption, type CommandDefinition } from "../src/core/command.js";
import { makeReply } from "../src/core/reply.js";
import { t } from "../src/core/strings.js";

export default {
  name: "actors",
  nameId: "aktor",
  description: { id: "Negara dan lembaga yang bereaksi", en: "Countries and organisations that reacted" },
  pure: true,
  options: [articleOption],
  async run(call, ctx) {
    const article = articleFor(call, ctx);
    if (isReply(article)) return article;
    const { lang } = call;
    // A fact question the article does not answer ("how many people died?"): what is missing, then what it covers.
    if (call.args.missing) return factNotHeldReply(article, lang, call.args.missing);
    return makeReply({
      ...articleBase(article, lang),
      kind: "actors",
      title: t(lang).actorsTitle,
      blocks: [t(lang).actorsIntro],
      fields: article.actors.map((a) => ({ name: `${a.flag} ${a.name[lang]}`, value: a.reaction[lang] })),
      followUps: followUpsFor(article, lang, { command: "actors" }),
    });
  },
} satisfies CommandDefinition;
