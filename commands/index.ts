import type { CommandDefinition } from "../src/core/command.js";
import actors from "./actors.js";
import articles from "./articles.js";
import background from "./background.js";
import digest from "./digest.js";
import help from "./help.js";
import lang from "./lang.js";
import quote from "./quote.js";
import reaction from "./reaction.js";
import source from "./source.js";
import summary from "./summary.js";

/** Every command, in the order menus and /help list them. */
export const COMMANDS: readonly CommandDefinition[] = [summary, reaction, background, quote, actors, source, articles, digest, lang, help];
