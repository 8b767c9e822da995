import type { CommandDefinition } from "../src/core/command.js";
import { type Lang, isLang } from "../src/core/lang.js";
import { makeReply } from "../src/core/reply.js";
import { t } from "../src/core/strings.js";
import { chatLanguages } from "../src/digest/chatLanguages.js";
import { userError } from "../src/digest/subscribeArgs.js";

/**
 * /lang id|en|auto: the language of every reply in this chat (digests
 * included), stored per chat; auto follows each question's own language.
 * Outside DMs only those who may manage the chat change it.
 */
export default {
  name: "lang",
  nameId: "bahasa",
  description: { id: "Bahasa jawaban di chat ini: id, en, atau auto", en: "Reply language in this chat: id, en or auto" },
  options: [
    {
      name: "language",
      nameId: "bahasa",
      description: { id: "id, en, atau auto", en: "id, en or auto" },
      required: true,
      source: "lang",
      choices: [
        { value: "id", label: { id: "Indonesia", en: "Indonesian" } },
        { value: "en", label: { id: "Inggris", en: "English" } },
        { value: "auto", label: { id: "ikuti pertanyaan", en: "follow the question" } },
      ],
    },
  ],
  async run(call, ctx) {
    const languages = chatLanguages(ctx.services);
    const chat = ctx.chat;
    if (!languages || !chat) throw userError("lang.unavailable", (c) => c.langUnavailable);
    const wanted = (call.args.language ?? "").trim().toLowerCase();
    const choice: Lang | "auto" | undefined = isLang(wanted) ? wanted : wanted === "auto" ? "auto" : undefined;
    if (!choice) throw userError("lang.bad", (c) => c.badLang(wanted));
    if (chat.type !== "private" && !(await chat.canManage())) throw userError("lang.not_allowed", (c) => c.digest.notAllowed(chat.platform));
    await languages.set(chat, choice === "auto" ? undefined : choice);
    const lang = choice === "auto" ? call.lang : choice;
    const s = t(lang);
    return makeReply({ kind: "notice", lang, title: "", blocks: [choice === "auto" ? s.langAuto : s.langSet(s.digest.langs[choice])] });
  },
} satisfies CommandDefinition;
