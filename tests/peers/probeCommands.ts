import type { CommandDefinition } from "../../src/core/command.js";
import type { Kabar } from "../../src/core/kabar.js";
import type { Logger } from "../../src/core/log.js";
import { makeReply } from "../../src/core/reply.js";
import { testKabar } from "../helpers/core.js";

/**
 * Extra commands for platform tests, next to the real ones: `whoami` echoes
 * the ChatContext the platform built, `slow` answers only when the test
 * releases it (to see a deferral without sleeping).
 */
export interface Probes {
  kabar: Kabar;
  /** Lets the pending `slow` calls answer. */
  releaseSlow(): void;
}

export function kabarWithProbes(logger: Logger): Probes {
  let release: () => void = () => undefined;
  let gate = new Promise<void>((r) => (release = r));
  const whoami: CommandDefinition = {
    name: "whoami",
    description: { id: "Siapa saya", en: "Who am I" },
    options: [],
    async run(call, ctx) {
      const chat = ctx.chat!;
      return makeReply({
        kind: "notice",
        lang: call.lang,
        title: "whoami",
        fields: [
          { name: "target", value: chat.target },
          { name: "type", value: chat.type },
          { name: "user", value: chat.userId ?? "-" },
          { name: "canManage", value: String(await chat.canManage()) },
        ],
      });
    },
  };
  const slow: CommandDefinition = {
    name: "slow",
    description: { id: "Lambat", en: "Slow" },
    options: [{ name: "private", description: { id: "Pribadi", en: "Private" } }],
    async run(call) {
      await gate;
      return makeReply({ kind: "notice", lang: call.lang, title: "done", blocks: ["finally"], private: call.args.private === "yes" });
    },
  };
  return {
    kabar: testKabar({ logger, extraCommands: [whoami, slow] }),
    releaseSlow: () => {
      release();
      gate = new Promise<void>((r) => (release = r));
    },
  };
}
