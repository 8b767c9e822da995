import { articleBase, articleFor, followUpsFor, isReply, notFoundReply, quoteOf } from "../src/core/articleReply.js";
import { articleOption, type CommandDefinition } from "../src/core/command.js";
import { makeReply } from "../src/core/reply.js";
import { t } from "../src/core/strings.js";
import { actorById } from "../src/content/queries.js";
import { resolveActorName } from "../src/understand/entities.js";

export default {
  name: "quote",
  nameId: "kutipan",
  description: { id: "Kutipan langsung dari artikel", en: "A direct quote from the article" },
  pure: true,
  options: [
    {
      name: "actor",
      nameId: "aktor",
      description: { id: "Dari siapa (bawaan: kutipan pertama)", en: "From whom (default: the first quote)" },
      source: "actor",
    },
    articleOption,
  ],
  async run(call, ctx) {
    const article = articleFor(call, ctx);
    if (isReply(article)) return article;
    const { lang } = call;
    const asked = call.args.actor?.trim();
    if (!asked) {
      // "/quote" alone: who has quotes, each with the first of them, and a button per actor.
      const quoted = article.actors.filter((a) => a.quotes.length > 0);
      const list = quoted.map((a) => `${a.flag} ${a.name[lang]}`).join(", ");
      return makeReply({
        ...articleBase(article, lang),
        kind: "quote",
        title: t(lang).quotesTitle,
        blocks: [t(lang).pickActor("quote", list)],
        quotes: quoted.map((a) => quoteOf(a, 0, article, lang)!),
        followUps: [
          ...quoted.map((a) => ({ label: `${a.flag} ${a.name[lang]}`, call: { command: "quote", lang, args: { actor: a.id } } })),
          ...followUpsFor(article, lang, { command: "quote" }),
        ],
      });
    }
    const actor = actorById(article, resolveActorName(article, asked) ?? "");
    if (!actor) return notFoundReply(article, lang, asked);
    const quote = quoteOf(actor, 0, article, lang);
    const others = article.actors
      .filter((a) => a.id !== actor.id && a.quotes.length > 0)
      .map((a) => ({ label: `${a.flag} ${a.name[lang]}`, call: { command: "quote", lang, args: { actor: a.id } } }));
    return makeReply({
      ...articleBase(article, lang),
      kind: "quote",
      title: `${actor.flag} ${t(lang).quoteTitle(actor.name[lang])}`,
      blocks: quote ? [] : [t(lang).noQuotes(actor.name[lang])],
      quotes: quote ? [quote] : [],
      actor: actor.id,
      emoji: actor.flag,
      color: actor.color,
      followUps: [...others, ...followUpsFor(article, lang, { command: "quote" })],
    });
  },
} satisfies CommandDefinition;
