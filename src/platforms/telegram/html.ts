import type { Reply } from "../../core/reply.js";
import { cutText } from "../../core/echo.js";
import { MAX_MESSAGES_PER_REPLY } from "../../core/replyLimits.js";
import { t } from "../../core/strings.js";

/**
 * A neutral Reply as Telegram HTML messages
 * (https://core.telegram.org/bots/api#html-style).
 *
 * Every piece of text is escaped at the last moment, so neither article
 * content nor user text can produce "can't parse entities". A message holds
 * at most 4,096 characters (https://core.telegram.org/bots/api#sendmessage);
 * long replies are split between paragraphs, and a paragraph longer than a
 * whole message is split between words, each part re-wrapped in its own tags,
 * so no part ever ends inside a tag or an entity.
 */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/** Telegram's HTML mode knows only these entities; `"` needs no escaping outside attributes. */
const HTML_SPECIAL = /[&<>]/;
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: one scan instead of three replaces.
  // Stryker disable next-line ConditionalExpression: without the shortcut the replaces find nothing and return the same text.
  if (!HTML_SPECIAL.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

type Style = "b" | "i";

/** A run of text with one style. */
interface Piece {
  text: string;
  style?: Style;
}

/** One paragraph: pieces, optionally inside a container tag (quotes). */
interface Paragraph {
  container?: "blockquote";
  pieces: Piece[];
}

function renderPiece(piece: Piece): string {
  const body = escapeHtml(piece.text);
  return piece.style ? `<${piece.style}>${body}</${piece.style}>` : body;
}

function renderParagraph(p: Paragraph): string {
  const inner = p.pieces.map(renderPiece).join("");
  return p.container ? `<${p.container}>${inner}</${p.container}>` : inner;
}

/** The paragraphs of a reply, in reading order. */
function paragraphsOf(reply: Reply): Paragraph[] {
  const s = t(reply.lang);
  const out: Paragraph[] = [];
  if (reply.title) out.push({ pieces: [{ text: reply.title, style: "b" }] });
  for (const block of reply.blocks) out.push({ pieces: [{ text: block }] });
  for (const q of reply.quotes) {
    out.push({
      container: "blockquote",
      pieces: [{ text: `“${q.text}”\n— ` }, { text: `${q.speaker}, ${q.role}`, style: "i" }],
    });
    // Our translation is never shown as the speaker's words: it sits outside the quote, labelled.
    if (q.translation) out.push({ pieces: [{ text: `${s.translationLabel}:`, style: "i" }, { text: ` “${q.translation}”` }] });
  }
  for (const f of reply.fields) out.push({ pieces: [{ text: f.name, style: "b" }, { text: `\n${f.value}` }] });
  if (reply.source) out.push({ pieces: [{ text: reply.source, style: "i" }] });
  return out;
}

/** Splits text into words with their following whitespace, and words too long for `max` into code points. */
function tokens(text: string, max: number): string[] {
  const out: string[] = [];
  // Stryker disable next-line ArrayDeclaration: /\S*\s*/g matches at least the empty string, so match() never returns null.
  for (const word of text.match(/\S*\s*/g) ?? []) {
    // Stryker disable next-line ConditionalExpression: an empty token adds nothing to the run it joins.
    if (!word) continue;
    if (escapeHtml(word).length <= max) out.push(word);
    else out.push(...Array.from(word));
  }
  return out;
}

/** Splits one paragraph into paragraphs whose HTML fits `limit`, between words where possible. */
function splitParagraph(p: Paragraph, limit: number): Paragraph[] {
  const parts: Paragraph[] = [];
  // Stryker disable next-line ArrayDeclaration: a stray element renders as nothing (it has no text), so the parts read the same.
  let current: Piece[] = [];
  let used = 0;
  const overhead = (style?: Style) => (style ? style.length * 2 + 5 : 0);
  const base = p.container ? p.container.length * 2 + 5 : 0;
  const flush = () => {
    // Stryker disable next-line ConditionalExpression: no part is left empty: only a paragraph whose HTML is over the limit is split, so it has words, and a token is cut to fit an empty part (short of a limit below the bare tags).
    if (current.length) parts.push({ ...(p.container ? { container: p.container } : {}), pieces: current });
    // Stryker disable next-line ArrayDeclaration: as above.
    current = [];
    used = 0;
  };
  for (const piece of p.pieces) {
    let run: Piece | undefined;
    for (const token of tokens(piece.text, limit - base - overhead(piece.style))) {
      const cost = escapeHtml(token).length;
      const opening = run ? 0 : overhead(piece.style);
      if (base + used + opening + cost > limit) {
        flush();
        run = undefined;
      }
      if (!run) {
        run = { text: "", ...(piece.style ? { style: piece.style } : {}) };
        current.push(run);
        used += overhead(piece.style);
      }
      run.text += token;
      used += cost;
    }
  }
  flush();
  return parts;
}

/** A rendered piece (at most one message long) and the paragraph it came from, to split it further if needed. */
interface Part {
  html: string;
  paragraph: Paragraph;
}

function partsOf(reply: Reply, limit: number): Part[] {
  return paragraphsOf(reply).flatMap((paragraph) => {
    const html = renderParagraph(paragraph);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: splitting a paragraph that fits gives it back whole; this only saves the work.
    if (html.length <= limit) return [{ html, paragraph }];
    return splitParagraph(paragraph, limit).map((p) => ({ html: renderParagraph(p), paragraph: p }));
  });
}

/** Parts packed into messages of at most `limit` characters, in order. */
function pack(parts: Part[], limit: number): Part[][] {
  const messages: Part[][] = [];
  let current: Part[] = [];
  let size = 0;
  for (const part of parts) {
    if (current.length > 0 && size + 2 + part.html.length > limit) {
      messages.push(current);
      current = [];
      size = 0;
    }
    size += (current.length > 0 ? 2 : 0) + part.html.length;
    current.push(part);
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

const joined = (parts: Part[]) => parts.map((p) => p.html).join("\n\n");

/**
 * The reply as HTML messages, each at most `limit` characters, and at most
 * `maxMessages` of them: a longer answer fills the last one as far as it can,
 * then ends with a note that it was cut and the source line.
 */
export function renderTelegramHtml(reply: Reply, limit = TELEGRAM_MESSAGE_LIMIT, maxMessages = MAX_MESSAGES_PER_REPLY): string[] {
  const parts = partsOf(reply, limit);
  const messages = pack(parts, limit);
  if (messages.length <= maxMessages) return messages.map(joined);
  const kept = messages.slice(0, maxMessages - 1);
  const tail = [{ text: t(reply.lang).replyCut, style: "i" as const }];
  if (reply.source) tail.push({ text: `\n${cutText(reply.source, 500)}`, style: "i" });
  const tailHtml = renderParagraph({ pieces: tail });
  const budget = limit - tailHtml.length - 2;
  const last: string[] = [];
  let size = 0;
  for (const part of parts.slice(kept.reduce((n, m) => n + m.length, 0))) {
    const cost = (last.length > 0 ? 2 : 0) + part.html.length;
    if (size + cost <= budget) {
      last.push(part.html);
      size += cost;
      continue;
    }
    if (last.length === 0) last.push(renderParagraph(splitParagraph(part.paragraph, budget)[0]!));
    break;
  }
  return [...kept.map(joined), [...last, tailHtml].join("\n\n")];
}
