import { articleBase, articleFor, factBlock, followUpsFor, isReply, optional } from "../src/core/articleReply.js";
import { articleOption, type CommandDefinition } from "../src/core/command.js";
import { makeReply } from "../src/core/reply.js";
import { t } from "../src/core/strings.js";
import { actorById, sectionById } from "../src/content/queries.js";
import { resolveSectionName } from "../src/understand/entities.js";

export default {
  name: "background",
  nameId: "latar",
  description: { id: "Latar belakang peristiwa", en: "Background to the events" },
  pure: true,
  options: [
    {
      name: "topic",
      nameId: "topik",
      description: { id: "Bagian latar belakang (bawaan: yang pertama)", en: "Background section (default: the first)" },
      source: "topic",
    },
    articleOption,
  ],
  async run(call, ctx) {
    const article = articleFor(call, ctx);
    if (isReply(article)) return article;
    const { lang } = call;
    const wanted = call.args.topic?.trim().toLowerCase();
    // The same words free text accepts: "/background rusia", "/background peacekeepers".
    const section = wanted ? sectionById(article, wanted) ?? sectionById(article, resolveSectionName(article, wanted) ?? "") : article.background[0];
    if (!section) {
      const available = article.background.map((s) => `${s.id} (${s.title[lang]})`).join(", ") || "-";
      return makeReply({
        ...articleBase(article, lang),
        kind: "not_found",
        title: t(lang).notFoundTitle,
        blocks: [t(lang).unknownTopic(wanted ?? "", available)],
        followUps: followUpsFor(article, lang, { command: "not_found" }),
        private: true,
      });
    }
    const subject = section.actors.length === 1 ? actorById(article, section.actors[0]!) : undefined;
    return makeReply({
      ...articleBase(article, lang),
      kind: "background",
      title: `${subject ? `${subject.flag} ` : ""}${section.title[lang]}`,
      blocks: [...optional(factBlock(article, call.args.fact, lang, call.args.focus)), ...section.text[lang]],
      topic: section.id,
      ...(subject ? { emoji: subject.flag, color: subject.color } : {}),
      followUps: followUpsFor(article, lang, { command: "background", topic: section.id }),
    });
  },
} satisfies CommandDefinition;
