import { articleBase, followUpsFor } from "../src/core/articleReply.js";
import type { CommandDefinition } from "../src/core/command.js";
import { makeReply } from "../src/core/reply.js";
import { t } from "../src/core/strings.js";
import { exampleQuestions } from "../src/content/examples.js";
import { COMMANDS } from "./index.js";

export default {
  name: "help",
  nameId: "bantuan",
  description: { id: "Apa yang bisa dilakukan bot ini", en: "What this bot can do" },
  pure: true,
  options: [],
  async run(call, ctx) {
    const { lang } = call;
    const s = t(lang);
    const article = ctx.library.newest();
    if (call.args.reply === "thanks") return makeReply({ ...articleBase(article, lang), kind: "help", title: "", blocks: [s.thanks], source: undefined });
    const usage = (c: CommandDefinition) => {
      const opts = c.subcommands
        ? ` ${c.subcommands.map((sc) => sc.name).join("|")}`
        : c.options.filter((o) => o.name !== "article").map((o) => (o.required ? ` <${o.name}>` : ` [${o.name}]`)).join("");
      return `/${c.name}${opts}`;
    };
    return makeReply({
      ...articleBase(article, lang),
      kind: "help",
      title: s.helpTitle,
      blocks: [s.helpIntro(article.title[lang])],
      fields: [
        ...COMMANDS.map((c) => ({ name: usage(c), value: c.description[lang] })),
        { name: s.helpExamplesTitle, value: exampleQuestions(article, lang).map((e) => `• ${e}`).join("\n") },
      ],
      followUps: followUpsFor(article, lang, { command: "help" }),
    });
  },
} satisfies CommandDefinition;
