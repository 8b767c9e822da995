/**
 * One bot process for the two-process test: opens the shared database, runs
 * one scheduler catch-up at the given instant, and appends every chat id it
 * sends to to `outFile` (one line per send, written synchronously, so nothing
 * is lost if the process ends). Both processes wait for the same wall-clock
 * moment before starting, and each send takes a little while, so their
 * fan-outs really overlap. Usage: schedulerProcess.ts <db> <outFile> <atMs> <owner> <goAtWallMs>
 */
import { appendFileSync } from "node:fs";
import { UNPACED } from "../../src/digest/pacing.js";
import { FakePlatform, instance, JumpClock } from "./digest.js";

const [dbPath, outFile, at, owner, goAt] = process.argv.slice(2) as [string, string, string, string, string];
const clock = new JumpClock(Number(at));
const bot = instance(dbPath, clock, { owner, pacing: { telegram: UNPACED } });
const send = FakePlatform.prototype.send;
bot.platform.send = async function (chatId, reply) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  await send.call(this, chatId, reply);
  appendFileSync(outFile, `${chatId}\n`);
};
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(goAt) - Date.now())));
await bot.scheduler.start();
await bot.scheduler.stop();
await bot.store.close();
