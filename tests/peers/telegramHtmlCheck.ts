/**
 * What Telegram's HTML parse mode accepts (https://core.telegram.org/bots/api#html-style),
 * checked the way the Bot API answers: undefined when fine, else the 400
 * description ("can't parse entities: ...", "message is too long"). The
 * Telegram peer applies it to sendMessage/editMessageText with parse_mode HTML.
 */
const TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"]);
const ENTITY = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});/i;
const TEXT_LIMIT = 4096;

export function checkTelegramHtml(html: string): string | undefined {
  const open: string[] = [];
  let visible = 0;
  for (let i = 0; i < html.length; ) {
    const ch = html[i]!;
    if (ch === "<") {
      const end = html.indexOf(">", i);
      if (end < 0) return `Bad Request: can't parse entities: unclosed start tag at byte offset ${i}`;
      const m = /^<(\/?)([a-z-]+)(\s[^>]*)?>$/i.exec(html.slice(i, end + 1));
      if (!m || !TAGS.has(m[2]!.toLowerCase())) return `Bad Request: can't parse entities: unsupported start tag "${html.slice(i + 1, end)}" at byte offset ${i}`;
      const name = m[2]!.toLowerCase();
      if (m[1]) {
        if (open.pop() !== name) return `Bad Request: can't parse entities: can't find end tag corresponding to start tag "${name}"`;
      } else open.push(name);
      i = end + 1;
      continue;
    }
    if (ch === ">") return `Bad Request: can't parse entities: unexpected ">" at byte offset ${i}`;
    if (ch === "&") {
      const m = ENTITY.exec(html.slice(i, i + 12));
      if (!m) return `Bad Request: can't parse entities: unsupported entity at byte offset ${i}`;
      visible++;
      i += m[0].length;
      continue;
    }
    visible++;
    i++;
  }
  if (open.length) return `Bad Request: can't parse entities: can't find end tag corresponding to start tag "${open.at(-1)}"`;
  if (visible > TEXT_LIMIT) return "Bad Request: message is too long";
  if (visible === 0) return "Bad Request: message text is empty";
  return undefined;
}
