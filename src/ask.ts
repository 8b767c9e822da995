import { createInterface } from "node:readline";
import { createKabar, holdContentOrExit } from "./app.js";
import { loadConfigOrExit } from "./config.js";
import type { ChatContext } from "./core/command.js";
import type { Kabar } from "./core/kabar.js";
import { formatTarget } from "./core/target.js";
import { renderPlainText } from "./core/plainText.js";
import type { Reply } from "./core/reply.js";

/**
 * `npm run ask -- [--json] [--conversation] ["question"]`: answers one question, or one per
 * line of standard input, in one process. With --json each answer is one line:
 * {"kind","actor"?,"topic"?,"actor_text"?,"lang","text","source"}.
 */
const MACHINE_KINDS = new Set(["summary", "reaction", "background", "quote", "actors", "source", "help", "not_found", "unknown"]);

export function toJsonAnswer(reply: Reply): Record<string, string> {
  const kind = MACHINE_KINDS.has(reply.kind) ? reply.kind : "unknown";
  return {
    kind,
    ...(reply.actor && (kind === "reaction" || kind === "quote") ? { actor: reply.actor } : {}),
    ...(reply.topic && kind === "background" ? { topic: reply.topic } : {}),
    ...(reply.actorText !== undefined && kind === "not_found" ? { actor_text: reply.actorText } : {}),
    lang: reply.lang,
    text: renderPlainText(reply),
    source: reply.source ?? "",
  };
}

/** With --conversation, stdin lines are one conversation (follow-ups lean on the line before). */
const ASK_CHAT: ChatContext = {
  target: formatTarget("console", "ask"),
  platform: "console",
  type: "private",
  userId: formatTarget("console", "ask"),
  canManage: async () => true,
};

async function answerOne(kabar: Kabar, question: string, json: boolean, chat?: ChatContext): Promise<string> {
  const { reply } = await kabar.answer(question, chat ? { chat } : {});
  return json ? JSON.stringify(toJsonAnswer(reply)) : `${renderPlainText(reply)}\n`;
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  // Without it every line is a new conversation, as before.
  const chat = args.includes("--conversation") ? ASK_CHAT : undefined;
  const question = args.filter((a) => a !== "--json" && a !== "--conversation").join(" ");
  const kabar = createKabar(holdContentOrExit(config.CONTENT_DIR));

  if (question) {
    process.stdout.write(`${await answerOne(kabar, question, json)}\n`);
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    // Every input line gets exactly one output line, empty ones included, so answers stay aligned.
    process.stdout.write(`${await answerOne(kabar, line, json, chat)}\n`);
  }
}

await main();
