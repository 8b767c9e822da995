import { createInterface } from "node:readline";
import type { ChatContext } from "../../core/command.js";
import type { Kabar } from "../../core/kabar.js";
import type { Lang } from "../../core/lang.js";
import type { Platform } from "../../core/platform.js";
import { ANSI, renderPlainText } from "../../core/plainText.js";
import type { Reply } from "../../core/reply.js";
import { formatTarget } from "../../core/target.js";
import { t } from "../../core/strings.js";
import { updatesTotal } from "../../ops/metrics.js";
import { exampleQuestions } from "../../content/examples.js";

/**
 * The terminal chat `npm start` opens when no platform token is configured:
 * the same commands and free text as Telegram and Discord, rendered as text.
 * On a TTY it prompts and colours; piped, it answers each line and exits at
 * end of input.
 */
export interface ConsoleOptions {
  kabar: Kabar;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Defaults to whether `input` is a TTY. */
  interactive?: boolean;
  lang?: Lang;
}

export const CONSOLE_CHAT: ChatContext = {
  target: formatTarget("console", "local"),
  platform: "console",
  type: "private",
  userId: formatTarget("console", "local"),
  canManage: async () => true,
};


export class ConsolePlatform implements Platform {
  readonly name = "console" as const;
  private readonly input: NodeJS.ReadableStream;
  private readonly output: NodeJS.WritableStream;
  private readonly interactive: boolean;
  private closed?: Promise<void>;
  private stopRequested?: () => void;

  constructor(private readonly options: ConsoleOptions) {
    this.input = options.input ?? process.stdin;
    this.output = options.output ?? process.stdout;
    this.interactive = options.interactive ?? Boolean((this.input as { isTTY?: boolean }).isTTY);
  }

  private write(reply: Reply): void {
    this.output.write(`${renderPlainText(reply, this.interactive ? ANSI : undefined)}\n\n`);
  }

  /** The start line: where the chat reads from. */
  describe(): string {
    return `chat on standard input (${this.interactive ? "interactive" : "piped"})`;
  }

  async start(): Promise<void> {
    const { kabar } = this.options;
    // The console's own lines follow a /lang choice stored for it (a previous session's), as its answers do.
    // Read before the input is: piped lines arrive at once, and none may come before the line handler.
    const startLang = (await kabar.chatLang(CONSOLE_CHAT)) ?? this.options.lang ?? "id";
    const rl = createInterface({
      input: this.input,
      ...(this.interactive ? { output: this.output, prompt: "kabar> " } : {}),
      terminal: this.interactive,
      crlfDelay: Infinity,
    });
    const s = t(startLang);
    const examples = exampleQuestions(kabar.library.newest(), startLang);
    if (this.interactive) this.output.write(`${s.consoleHint}\n${s.consoleExamples(examples)}\n${s.consoleUsage}\n\n`);
    else process.stderr.write(`${s.consoleHint}\n`);

    this.closed = new Promise<void>((resolve) => {
      this.stopRequested = () => rl.close();
      rl.on("close", resolve);
    });
    if (this.interactive) rl.prompt();
    // Lines are answered one at a time, in order, even when piped faster than we answer.
    let queue = Promise.resolve();
    // Piped input arrives all at once: lines after /exit are already queued and must be dropped.
    let leaving = false;
    rl.on("line", (line) => {
      queue = queue.then(async () => {
        if (leaving) return;
        const text = line.trim();
        if (text === "/exit" || text === "/quit") {
          leaving = true;
          rl.close();
          return;
        }
        if (!text && this.interactive) return rl.prompt();
        updatesTotal.inc({ platform: "console", kind: text.startsWith("/") ? "command" : "text" });
        // A person typing is limited like any user; piped input is the operator's own file of questions
        // (`printf … | npm start`), answered line by line however many there are.
        // The chat's /lang choice, looked up once per line and handed to the core.
        const choice = await kabar.langChoice(CONSOLE_CHAT);
        const gate = this.interactive ? kabar.admit(CONSOLE_CHAT, choice.lang ?? this.options.lang ?? "id") : { answer: true as const };
        if (gate.answer) this.write((await kabar.answer(text, { chat: CONSOLE_CHAT, fallbackLang: this.options.lang ?? "id", choice })).reply);
        else if (gate.notice) this.write(gate.notice);
        if (this.interactive) rl.prompt();
      });
    });
    await this.closed;
    await queue;
  }

  /** Resolves when the user leaves (/exit, Ctrl-D, end of piped input). */
  async stop(): Promise<void> {
    this.stopRequested?.();
    await this.closed;
  }

  async send(_chatId: string, reply: Reply): Promise<void> {
    this.write(reply);
  }
}
