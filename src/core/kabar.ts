import type { ContentLibrary } from "../content/loader.js";
import { exampleQuestions } from "../content/examples.js";
import type { Article } from "../content/article.js";
import { understandInLibrary } from "../understand/articleChoice.js";
import type { Understood } from "../understand/intent.js";
import { noteEnglishPending } from "./articleReply.js";
import { withoutInvisible } from "../understand/normalize.js";
import { withPrevious } from "../understand/followUp.js";
import type { ChatContext, CommandContext, CommandDefinition } from "./command.js";
import { UserError } from "./errors.js";
import type { Lang } from "./lang.js";
import type { CommandCall, Reply } from "./reply.js";
import { formatDate, t } from "./strings.js";
import { callFromText, parseCommandText } from "./textArgs.js";
import { callKey, ContentCaches } from "./contentCaches.js";
import { MAX_QUESTION_CHARS, pinArticle, safeCall } from "./callShape.js";
import { errorReply, noticeReply, unknownCommandReply, unknownReply, userErrorReply } from "./standardReplies.js";
import { RequestLimiter } from "./rateLimit.js";
import { type Admission, admission } from "./admission.js";
import { choiceOf, type LangChoice } from "./langChoice.js";
import { andThen, type Maybe } from "./maybe.js";
import type { Answer, KabarOptions } from "./kabarOptions.js";

export type { LangChoice } from "./langChoice.js";

export { MAX_QUESTION_CHARS } from "./callShape.js";

export type { Admission } from "./admission.js";

export type { Answer, KabarOptions } from "./kabarOptions.js";

/** What free text became, and the other articles that would have answered it as well. */
interface Chosen {
  understood: Understood;
  alsoIn: readonly Article[];
}

/**
 * The platform-neutral bot: every surface (slash command, text command,
 * button, free text, digest) ends in `run`, which is also the one error
 * boundary for command code.
 */
export class Kabar {
  private readonly byName: Map<string, CommandDefinition>;
  /** Replies and understandings, per content version (see contentCaches.ts). */
  private readonly cache: ContentCaches<Chosen>;

  private readonly limiter?: RequestLimiter;

  constructor(private readonly options: KabarOptions) {
    this.cache = new ContentCaches(options.library, options.contentVersion ?? (() => 0));
    if (options.rateLimits) this.limiter = new RequestLimiter(options.rateLimits, options.now);
    this.byName = new Map(options.commands.map((c) => [c.name, c]));
    // The Indonesian name typed as a text command (/artikel, /ringkasan) runs the same command.
    for (const c of options.commands) if (c.nameId && !this.byName.has(c.nameId)) this.byName.set(c.nameId, c);
  }

  get commands(): readonly CommandDefinition[] {
    return this.options.commands;
  }

  get library(): ContentLibrary {
    return this.options.library();
  }

  /** Empties the reply and understanding caches (a reload does it by changing the content version). */
  clearCaches(): void {
    this.cache.clear();
  }

  /** A reply that depends only on the content and `key`, made once per content version (ContentCaches.reply). */
  cachedReply(key: string, make: () => Reply): Reply {
    return this.cache.reply(key, make);
  }

  command(name: string): CommandDefinition | undefined {
    return this.byName.get(name);
  }

  /** Whether to answer this request under the per-user limit (admission.ts). */
  admit(chat: ChatContext | undefined, lang: Lang): Admission {
    return admission(this.limiter, chat, lang);
  }

  /**
   * Runs one command call. Never throws: user mistakes and bugs both become replies. `choice`: the chat's
   * /lang choice if the caller has looked it up for this update already (else it is looked up here).
   */
  run(call: CommandCall, chat?: ChatContext, choice?: LangChoice): Maybe<Reply> {
    const started = performance.now();
    return andThen(this.execute(call, chat, choice), (reply) => {
      this.options.onAnswered?.("call", (performance.now() - started) / 1000);
      return reply;
    });
  }

  /**
   * The language a chat chose with /lang, or undefined (the question's own language then). A value, not a
   * promise, when it is known without waiting (the cache holds it): every update asks.
   */
  chatLang(chat: ChatContext | undefined): Maybe<Lang | undefined> {
    if (!chat || !this.options.chatLang) return undefined;
    try {
      const lang = this.options.chatLang(chat);
      return lang instanceof Promise ? lang.catch((err: unknown) => this.langLookupFailed(err, chat)) : lang;
    } catch (err) {
      return this.langLookupFailed(err, chat);
    }
  }

  /** A store hiccup must not cost the answer: the question's language serves. */
  private langLookupFailed(err: unknown, chat: ChatContext): undefined {
    this.options.logger?.warn({ err, target: chat.target }, "chat language lookup failed");
    return undefined;
  }

  /** The chat's /lang choice for one update, to pass to `answer` and `run` (one lookup per update; await it). */
  langChoice(chat: ChatContext | undefined): Maybe<LangChoice> {
    return andThen(this.chatLang(chat), choiceOf);
  }

  /**
   * One call, in the chat's chosen language if it has one; what the answer
   * was about is remembered for follow-ups.
   */
  private execute(rawCall: CommandCall, chat?: ChatContext, choice?: LangChoice): Maybe<Reply> {
    if (rawCall.command === "lang") return this.executeIn(rawCall, chat, undefined);
    return andThen(choice ?? this.langChoice(chat), (c) => this.executeIn(rawCall, chat, c.lang));
  }

  private executeIn(rawCall: CommandCall, chat: ChatContext | undefined, chosen: Lang | undefined): Maybe<Reply> {
    // Every path (slash command, typed command, button, free text) passes here, so this is where user text is made safe.
    const call = safeCall(rawCall);
    if (call === "too long") return this.noticeReply(chosen ?? rawCall.lang, t(chosen ?? rawCall.lang).messageTooLong(MAX_QUESTION_CHARS));
    return andThen(this.runCall(chosen && chosen !== call.lang ? { ...call, lang: chosen } : call, chat), (reply) => this.remembered(reply, chat));
  }

  /** What the answer was about, remembered for follow-ups. */
  private remembered(reply: Reply, chat: ChatContext | undefined): Reply {
    const memory = this.options.conversations;
    if (chat && memory) {
      const section = reply.topic ? this.library.get(reply.articleId)?.background.find((b) => b.id === reply.topic) : undefined;
      memory.remember(chat, reply, section?.actors.length === 1 ? section.actors[0] : undefined);
    }
    return reply;
  }

  /** The call's reply; from the cache, when it holds it, as a value, not a promise (most requests). */
  private runCall(call: CommandCall, chat?: ChatContext): Maybe<Reply> {
    const def = this.byName.get(call.command);
    if (!def) return this.unknownReply(call.lang);
    const key = def.pure ? callKey(call) : undefined;
    if (key !== undefined) {
      const cached = this.cache.current().replies.get(key);
      if (cached) return cached;
    }
    return this.runCommand(def, call, key, chat);
  }

  private async runCommand(def: CommandDefinition, call: CommandCall, key: string | undefined, chat?: ChatContext): Promise<Reply> {
    const ctx: CommandContext = {
      library: this.library,
      services: this.options.services ?? {},
      ...(chat ? { chat } : {}),
    };
    try {
      const reply = await def.run(call, ctx);
      const about = reply.articleId ? ctx.library.get(reply.articleId) : undefined;
      const done = pinArticle(noteEnglishPending(reply, about), ctx.library);
      // Only if the content did not change while the command ran (it could await).
      if (key !== undefined && ctx.library === this.library) this.cache.current().replies.set(key, done);
      return done;
    } catch (err) {
      if (err instanceof UserError) {
        return userErrorReply(call.lang, err.userMessage[call.lang]);
      }
      this.options.logger?.error({ err, command: call.command, args: call.args, target: chat?.target }, "command failed");
      return errorReply(call.lang);
    }
  }

  /**
   * Understands free text (no I/O), over every article: the question goes to
   * the article it names (its actors, speakers, distinctive words), else to
   * the newest; a call about an older article names it.
   */
  understand(text: string, fallbackLang: Lang = "id"): Understood {
    return this.chosen(text, fallbackLang).understood;
  }

  /** The understanding, and the other articles that answer as well, kept per content version. */
  private chosen(text: string, fallbackLang: Lang): Chosen {
    const { understood } = this.cache.current();
    const key = `${fallbackLang}\u0000${text}`;
    let result = understood.get(key);
    if (!result) {
      result = this.chooseUncached(text, fallbackLang);
      understood.set(key, result);
    }
    return result;
  }

  /** `understand` without the cache: what a question never seen before costs. */
  understandUncached(text: string, fallbackLang: Lang = "id"): Understood {
    return this.chooseUncached(text, fallbackLang).understood;
  }

  private chooseUncached(text: string, fallbackLang: Lang): Chosen {
    const library = this.library;
    const { understood, article, alsoIn } = understandInLibrary(library, text, fallbackLang);
    if (article.id === library.newest().id) return { understood, alsoIn };
    return { understood: { ...understood, call: { ...understood.call, args: { ...understood.call.args, article: article.id } } }, alsoIn };
  }

  /**
   * Answers a chat message: "/command args" runs that command, anything else
   * is read as a question. `fallbackLang` decides when the text itself does
   * not (a bare "PBB?"): the platform's locale.
   */
  answer(text: string, options: { chat?: ChatContext; fallbackLang?: Lang; choice?: LangChoice } = {}): Maybe<Answer> {
    const started = performance.now();
    // Looked up once here (unless the platform did already), then handed down to the command run.
    return andThen(andThen(options.choice ?? this.langChoice(options.chat), (choice) => this.answerText(text, options, choice)), (answer) => {
      this.options.onAnswered?.(answer.understood ? "text" : "call", (performance.now() - started) / 1000);
      return answer;
    });
  }

  private answerText(text: string, options: { chat?: ChatContext; fallbackLang?: Lang }, choice: LangChoice): Maybe<Answer> {
    const lang = choice.lang ?? options.fallbackLang ?? "id";
    // Zero-width and format characters first: "/he\u200Blp" is /help, "Pra\u200Bncis" is Prancis.
    const trimmed = withoutInvisible(text).trim();
    if (!trimmed) return { reply: this.noticeReply(lang, t(lang).emptyMessage(exampleQuestions(this.library.newest(), lang)[0] ?? "/help")) };
    if (trimmed.length > MAX_QUESTION_CHARS) {
      return { reply: this.noticeReply(lang, t(lang).messageTooLong(MAX_QUESTION_CHARS)) };
    }
    const parsed = parseCommandText(trimmed);
    if (parsed) {
      const def = this.byName.get(parsed.name);
      if (!def) return { reply: unknownCommandReply(parsed.name, lang) };
      const call = callFromText(def, parsed.rest, lang);
      return andThen(this.execute(call, options.chat, choice), (reply) => ({ reply, call }));
    }
    let chosen: Chosen;
    let understood: Understood;
    try {
      chosen = this.chosen(trimmed, lang);
      understood = this.followUp(chosen.understood, trimmed, options.chat);
    } catch (err) {
      // A bug in the understanding costs this message an apology, as a command's would, not the caller a throw.
      this.options.logger?.error({ err, target: options.chat?.target }, "understanding failed");
      return { reply: errorReply(lang) };
    }
    // The note on which article answered holds only when the earlier conversation did not redirect the question.
    const alsoIn = understood === chosen.understood ? chosen.alsoIn : [];
    return andThen(this.execute(understood.call, options.chat, choice), (reply) => ({
      reply: alsoIn.length > 0 ? this.withArticleNamed(reply, alsoIn.length) : reply,
      call: understood.call,
      understood,
    }));
  }

  /** Several articles could answer: the reply says which one it is from, and that /articles lists the others. */
  private withArticleNamed(reply: Reply, others: number): Reply {
    const article = reply.articleId ? this.library.get(reply.articleId) : undefined;
    if (!article) return reply;
    const note = t(reply.lang).answeredFrom(article.title[reply.lang], formatDate(article.eventsDate, reply.lang), others);
    return { ...reply, blocks: [note, ...reply.blocks] };
  }

  /** A question read against what the same person asked in the last minutes, when the conversation is remembered. */
  private followUp(understood: Understood, text: string, chat: ChatContext | undefined): Understood {
    const previous = chat ? this.options.conversations?.get(chat) : undefined;
    if (!previous) return understood;
    const article = this.library.get(understood.call.args.article ?? previous.articleId) ?? this.library.newest();
    return withPrevious(understood, text, previous, article);
  }

  /** A question outside the article: say what the bot covers. */
  unknownReply(lang: Lang): Reply {
    return this.cachedReply(`unknown\u0000${lang}`, () => unknownReply(this.library.newest(), lang));
  }

  /** A message the bot cannot read as a question (empty, too long): kind "unknown", with a hint. */
  private noticeReply(lang: Lang, text: string): Reply {
    return noticeReply(this.library.newest(), lang, text);
  }
}
