import { lstatSync, readFileSync, statSync } from "node:fs";
import { ContentError } from "./contentError.js";

/**
 * Reading the files of an article folder so that nothing a folder can hold
 * (a symlink loop, a dangling link, a huge file, bytes that are not UTF-8)
 * gets past as anything but one ContentError naming the file.
 */

/**
 * Size caps. The bundled article is 2 KB of text and 10 KB of YAML; a news
 * article's text is rarely over 100 KB. Anything near these caps is a mistake
 * (a PDF or a whole site dumped into the folder), not an article, and would
 * be held in memory and scanned on every question.
 */
export const MAX_ORIGINAL_BYTES = 1024 * 1024; // 1 MiB
export const MAX_ARTICLE_YAML_BYTES = 256 * 1024; // 256 KiB

function kib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * Why a path that lstat found cannot be followed, in words: a symlink that
 * points nowhere, one that points back at itself, or a plain I/O failure.
 */
export function unfollowableReason(path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ELOOP") return "is a symbolic link that loops back on itself";
  let isLink = false;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch {
    // lstat failing too: the path itself is missing.
  }
  if (isLink && code === "ENOENT") return "is a symbolic link to a file that does not exist";
  if (code === "ENOENT") return "does not exist";
  if (code === "EACCES" || code === "EPERM") return "cannot be read (permission denied)";
  return `cannot be read (${code ?? (err as Error).message})`;
}

/**
 * The byte offset of the first byte that is not well-formed UTF-8
 * (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), or -1.
 * TextDecoder's fatal mode says only that the input is bad, not where.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b === 0xe0) [need, min] = [2, 0xa0];
    else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) [need, min] = [2, 0x80];
    else if (b === 0xf0) [need, min] = [3, 0x90];
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) [need, min] = [3, 0x80];
    else return i;
    // The second byte has the narrowed range; the others are plain continuation bytes.
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads one content file as UTF-8 text. `shown` is the path as errors show it;
 * `missing` is the problem to report when the file is simply not there.
 */
export function readContentText(path: string, shown: string, maxBytes: number, missing: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ContentError(shown, "", "is not a regular file");
    size = stat.size;
  } catch (err) {
    if (err instanceof ContentError) throw err;
    const reason = unfollowableReason(path, err);
    throw new ContentError(shown, "", reason === "does not exist" ? missing : reason);
  }
  if (size > maxBytes) {
    throw new ContentError(shown, "", `is ${kib(size)}; the limit is ${kib(maxBytes)} (is this really one article?)`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new ContentError(shown, "", unfollowableReason(path, err));
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) throw new ContentError(shown, "", `is over the limit of ${kib(maxBytes)}`);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8Offset(bytes);
    throw new ContentError(shown, `byte ${at}`, `is not UTF-8 (byte 0x${bytes[at]?.toString(16).padStart(2, "0") ?? "??"}); save the file as UTF-8`);
  }
}

/** Whether `path` is a directory, following symlinks; a loop or a dangling link is a ContentError. */
export function isContentDirectory(path: string, shown: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (err) {
    throw new ContentError(shown, "", unfollowableReason(path, err));
  }
}
