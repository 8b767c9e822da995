import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * A fingerprint of what is under CONTENT_DIR (every file's path, size,
 * modification time in nanoseconds and inode), so a reload can tell "nothing
 * changed since the library being served was loaded" without loading it again.
 * Why: a feed import reloads at once, and the file watcher then sees the
 * same new folder and would load it a second time. Dot-entries are left out,
 * as the loader leaves them out (an import's staging folder, editors' swap files).
 */
export function contentStamp(contentDir: string): string {
  const hash = createHash("sha1");
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      const name = `${rel}${entry.name}`;
      if (entry.isDirectory()) {
        walk(path, `${name}/`);
        continue;
      }
      try {
        const s = statSync(path, { bigint: true });
        hash.update(`${name}\t${s.size}\t${s.mtimeNs}\t${s.ino}\n`);
      } catch {
        // Gone between readdir and stat: changing under us, so the stamp must differ from a settled one.
        hash.update(`${name}\tgone\n`);
      }
    }
  };
  walk(contentDir, "");
  return hash.digest("hex");
}
