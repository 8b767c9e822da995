/**
 * One bot process for the two-process test: opens the shared database, runs
 * one scheduler catch-up at the given instant, and appends every chat id it
 * sends to to `outFile` (one line per send, written synchronously, so nothing
 * is lost if the process ends). Each process announces it has loaded by
 * creating `<outFile>.ready` and starts once every process's ready file exists
 * (a barrier, however slow start-up is on a busy machine); each send takes a
 * little while, so their fan-outs really overlap.
 * Usage: schedulerProcess.ts <db> <outFile> <atMs> <owner> <outFile of every process, comma-separated>
 */
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import { UNPACED } from "../../src/digest/pacing.js";
import { FakePlatform, instance, JumpClock } from "./digest.js";

const [dbPath, outFile, at, owner, all] = process.argv.slice(2) as [string, string, string, string, string];
const clock = new JumpClock(Number(at));
const bot = instance(dbPath, clock, { owner, pacing: { telegram: UNPACED } });
const send = FakePlatform.prototype.send;
bot.platform.send = async function (chatId, reply) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  await send.call(this, chatId, reply);
  appendFileSync(outFile, `${chatId}\n`);
};
writeFileSync(`${outFile}.ready`, "");
const giveUpAt = Date.now() + 20_000;
while (!all.split(",").every((f) => existsSync(`${f}.ready`))) {
  if (Date.now() > giveUpAt) throw new Error("the other bot process never became ready");
  await new Promise((resolve) => setTimeout(resolve, 5));
}
await bot.scheduler.start();
await bot.scheduler.stop();
await bot.store.close();
