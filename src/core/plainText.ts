import type { Reply } from "./reply.js";
import { t } from "./strings.js";

/**
 * A reply as plain text: the console chat, `npm run ask`, logs. `style`
 * decorates headings and quotes (ANSI colour on a TTY); the words are the same.
 */
export interface TextStyle {
  title(s: string): string;
  quote(s: string): string;
  dim(s: string): string;
  label(s: string): string;
}

const PLAIN: TextStyle = { title: (s) => s, quote: (s) => s, dim: (s) => s, label: (s) => s };

export const ANSI: TextStyle = {
  title: (s) => `\x1b[1m${s}\x1b[0m`,
  quote: (s) => `\x1b[36m${s}\x1b[0m`,
  dim: (s) => `\x1b[2m${s}\x1b[0m`,
  label: (s) => `\x1b[33m${s}\x1b[0m`,
};

export function renderPlainText(reply: Reply, style: TextStyle = PLAIN): string {
  const s = t(reply.lang);
  const parts: string[] = reply.title ? [style.title(reply.title)] : [];
  for (const block of reply.blocks) parts.push(block);
  for (const q of reply.quotes) {
    const lines = [style.quote(`“${q.text}”`), style.dim(`— ${q.speaker}, ${q.role}`)];
    if (q.translation) lines.push(`${style.label(`${s.translationLabel}:`)} “${q.translation}”`);
    parts.push(lines.join("\n"));
  }
  for (const f of reply.fields) parts.push(`${style.label(f.name)}\n${f.value}`);
  if (reply.source) parts.push(style.dim(reply.source));
  return parts.join("\n\n");
}
