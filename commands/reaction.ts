import {
  articleBase,
  articleFor,
  factBlock,
  followUpsFor,
  isReply,
  notFoundReply,
  optional,
  pickActorReply,
  quoteOf,
} from "../src/core/articleReply.js";
import { articleOption, type CommandDefinition } from "../src/core/command.js";
import { makeReply } from "../src/core/reply.js";
import { t } from "../src/core/strings.js";
import { actorById } from "../src/content/queries.js";
import { resolveActorName } from "../src/understand/entities.js";

export default {
  name: "reaction",
  nameId: "reaksi",
  description: { id: "Reaksi satu negara atau lembaga", en: "One country's or organisation's reaction" },
  pure: true,
  options: [
    {
      name: "actor",
      nameId: "aktor",
      description: { id: "Negara atau lembaga, misalnya Prancis", en: "Country or organisation, e.g. France" },
      required: true,
      source: "actor",
    },
    articleOption,
  ],
  async run(call, ctx) {
    const article = articleFor(call, ctx);
    if (isReply(article)) return article;
    const { lang } = call;
    const asked = call.args.actor?.trim() ?? "";
    // "/reaction" alone: which actors there are, each a button.
    if (!asked) return pickActorReply(article, lang, "reaction");
    const actorId = asked ? resolveActorName(article, asked) : undefined;
    const actor = actorId ? actorById(article, actorId) : undefined;
    if (!actor) return notFoundReply(article, lang, asked);
    return makeReply({
      ...articleBase(article, lang),
      kind: "reaction",
      title: `${actor.flag} ${t(lang).reactionTitle(actor.name[lang])}`,
      // A fact question: the article's own sentence first, then the reaction it belongs to.
      blocks: [...optional(factBlock(article, call.args.fact, lang, call.args.focus)), actor.reaction[lang]],
      quotes: actor.quotes.map((_, i) => quoteOf(actor, i, article, lang)!),
      actor: actor.id,
      emoji: actor.flag,
      color: actor.color,
      followUps: followUpsFor(article, lang, { command: "reaction", actor: actor.id }),
    });
  },
} satisfies CommandDefinition;
