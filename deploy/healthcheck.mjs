// The container health check: `node deploy/healthcheck.mjs [path]` exits 0 when the bot's
// operations endpoint (HTTP_PORT) answers 200 on path (default /healthz), else 1.
// Plain JavaScript with Node's own fetch: the slim image has no curl, and no build step is needed.
const port = process.env.HTTP_PORT;
const path = process.argv[2] ?? "/healthz";
if (!port) {
  console.error("healthcheck: HTTP_PORT is not set, so the bot serves no health endpoint");
  process.exit(1);
}
try {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(4_000) });
  if (!res.ok) console.error(`healthcheck: ${path} answered ${res.status}`);
  process.exit(res.ok ? 0 : 1);
} catch (err) {
  console.error(`healthcheck: ${path} unreachable: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
