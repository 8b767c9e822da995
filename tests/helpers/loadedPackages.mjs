// Loaded with `--import` into a process under test: at exit, prints to stderr the npm packages it loaded
// (every package here is CommonJS at heart, so Node's module cache lists it), e.g. "LOADED_PACKAGES grammy,pino".
import { createRequire } from "node:module";

const cache = createRequire(import.meta.url).cache;
process.on("exit", () => {
  const names = new Set(Object.keys(cache).map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1]).filter(Boolean));
  process.stderr.write(`LOADED_PACKAGES ${[...names].sort().join(",")}\n`);
});
