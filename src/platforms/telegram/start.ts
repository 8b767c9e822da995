import { followUpsFor } from "../../core/articleReply.js";
import type { Kabar } from "../../core/kabar.js";
import type { Lang } from "../../core/lang.js";
import { type CommandCall, makeReply, type Reply } from "../../core/reply.js";
import { t } from "../../core/strings.js";
import { callFromText } from "../../core/textArgs.js";
import { sourceLine } from "../../content/queries.js";
import { exampleQuestions } from "../../content/examples.js";

/**
 * Telegram's /start: a greeting with the main sections as buttons, or, with a
 * deep link payload (t.me/<bot>?start=reaction_france), that section at once.
 * Payloads allow only A-Z a-z 0-9 _ - (https://core.telegram.org/bots/features#deep-linking),
 * so the form is "<command>" or "<command>_<words joined by _>"
 * ("reaction_arab_saudi", "background_russia-role").
 */
export function deepLinkCall(kabar: Kabar, payload: string, lang: Lang): CommandCall | undefined {
  const m = /^([a-z0-9]+)(?:_(.*))?$/i.exec(payload.trim());
  if (!m) return undefined;
  const def = kabar.command(m[1]!.toLowerCase());
  if (!def) return undefined;
  return callFromText(def, (m[2] ?? "").replace(/_/g, " "), lang);
}

export function startReply(kabar: Kabar, lang: Lang, firstName: string | undefined): Reply {
  const s = t(lang);
  const article = kabar.library.newest();
  return makeReply({
    kind: "help",
    lang,
    title: s.startTitle(firstName ?? ""),
    blocks: [s.startIntro(article.title[lang], exampleQuestions(article, lang)[0] ?? "/help")],
    source: sourceLine(article, lang),
    articleId: article.id,
    followUps: [
      ...followUpsFor(article, lang, { command: "start" }),
      ...(kabar.command("help") ? [{ label: "/help", call: { command: "help", lang, args: {} } }] : []),
    ],
  });
}
