import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { COMMANDS } from "../../commands/index.js";
import { loadLibrary } from "../../src/content/loader.js";
import type { CommandDefinition } from "../../src/core/command.js";
import { Kabar } from "../../src/core/kabar.js";
import { createLogger, type Logger } from "../../src/core/log.js";

/** The repository root, for tests that read content/ or spawn scripts. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CONTENT_DIR = `${ROOT}content`;

/** The real bundled content, loaded once per test file. */
export const library = loadLibrary(CONTENT_DIR, ROOT);
export const article = library.newest();

/**
 * kabar on the bundled content with the real command list, plus whatever a
 * test adds (probe commands, digest services, a logger it reads).
 */
export function testKabar(
  options: { logger?: Logger; extraCommands?: CommandDefinition[]; services?: Record<string, unknown> } = {},
): Kabar {
  return new Kabar({
    library: () => library,
    commands: [...COMMANDS, ...(options.extraCommands ?? [])],
    ...(options.services ? { services: options.services } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}

/** A logger whose lines (JSON, redacted like real ones) the test can read. */
export function recordingLogger(level = "debug"): { logger: Logger; raw: string[]; lines: () => Record<string, unknown>[] } {
  const raw: string[] = [];
  const logger = createLogger(level, { write: (s: string) => void raw.push(...s.split("\n").filter(Boolean)) });
  return { logger, raw, lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

export interface EvalQuestion {
  q: string;
  lang: "id" | "en";
  kind: string;
  actor?: string;
  topic?: string;
  actor_text?: string;
}

export function readQuestions(file: string): EvalQuestion[] {
  return readFileSync(`${ROOT}tests/fixtures/${file}`, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as EvalQuestion);
}
