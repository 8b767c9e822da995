import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, redactSecrets, registerSecret } from "../src/core/log.js";

/** The one logger: its level, what every line carries, and which registered values it hides. */
function sink(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      written.push(String(chunk));
      done();
    },
  });
  return { stream, lines: () => written.join("").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the logger", () => {
  it("GIVEN no LOG_LEVEL THEN info lines are written and debug lines are not", () => {
    vi.stubEnv("LOG_LEVEL", undefined);
    const out = sink();
    const logger = createLogger(undefined, out.stream);
    logger.debug("detail");
    logger.info("started");
    expect(out.lines().map((l) => l.msg)).toEqual(["started"]);
  });

  it("GIVEN LOG_LEVEL=debug THEN debug lines are written", () => {
    vi.stubEnv("LOG_LEVEL", "debug");
    const out = sink();
    createLogger(undefined, out.stream).debug("detail");
    expect(out.lines().map((l) => l.msg)).toEqual(["detail"]);
  });

  it("GIVEN any line THEN it names the app, so kabar's lines can be picked out of a shared log", () => {
    const out = sink();
    createLogger("info", out.stream).info("started");
    expect(out.lines()[0]).toMatchObject({ app: "kabar", msg: "started" });
  });
});

describe("registering secrets", () => {
  it("GIVEN a registered secret of 8 characters THEN it is redacted", () => {
    registerSecret("k8chars!");
    expect(redactSecrets("sent k8chars! twice: k8chars!")).toBe("sent [redacted] twice: [redacted]");
  });

  it("GIVEN a value under 8 characters THEN it is not taken as a secret, or every short word like it would vanish from the logs", () => {
    registerSecret("abc1234");
    expect(redactSecrets("chat abc1234 subscribed")).toBe("chat abc1234 subscribed");
  });

  it("GIVEN an empty or missing token THEN nothing is registered and lines are left as they are", () => {
    registerSecret("");
    registerSecret(undefined);
    expect(redactSecrets("digest sent to 3 chats")).toBe("digest sent to 3 chats");
  });
});
