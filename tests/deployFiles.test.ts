import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "./helpers/core.js";

/**
 * Docker cannot run here, so what the container files run is tested
 * elsewhere (tests/compiledStart.test.ts: the compiled start and the health
 * check command); this file checks that the files agree with each other and
 * with the code: ports, variable names, the health path, the entry point.
 */
const read = (file: string) => readFileSync(`${ROOT}${file}`, "utf8");
const exampleKeys = new Set(
  read(".env.example")
    .split("\n")
    .filter((l) => /^[A-Z_]+=/.test(l))
    .map((l) => l.slice(0, l.indexOf("="))),
);
const packageJson = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
const entry = /^node (\S+)$/.exec(packageJson.scripts["start:prod"] ?? "")?.[1];

interface ComposeService {
  build?: string;
  image?: string;
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}
const compose = parse(read("compose.yaml"), { merge: true }) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
const bots = Object.entries(compose.services).filter(([, s]) => s.build === ".");

describe("compiled entry point", () => {
  it("GIVEN start:prod THEN it runs node on the build's output of src/main.ts, no npm or tsx in between", () => {
    const build = JSON.parse(read("tsconfig.build.json").replace(/^\s*\/\/.*$/gm, "")) as { compilerOptions: { outDir: string; rootDir: string } };
    expect(packageJson.scripts.build).toBe("tsc -p tsconfig.build.json");
    expect(entry).toBe(`${build.compilerOptions.outDir}/src/main.js`);
  });
});

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");
  const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));

  it("GIVEN the runtime stage THEN it runs the compiled entry as node, as the non-root user node, with DATA_DIR a volume", () => {
    expect(runtime).toContain(`CMD ["node", "${entry}"]`);
    expect(runtime).toMatch(/^USER node$/m);
    const dataDir = /DATA_DIR=(\S+)/.exec(runtime)?.[1];
    expect(runtime).toContain(`VOLUME ["${dataDir}"]`);
  });

  it("GIVEN the build stage THEN native modules are built there (compilers), then npm ci, build, prune", () => {
    const build = dockerfile.slice(0, dockerfile.lastIndexOf("\nFROM "));
    expect(build).toMatch(/FROM node:20-bookworm-slim AS build/);
    expect(build).toMatch(/python3 make g\+\+/);
    expect(build.indexOf("npm ci")).toBeLessThan(build.indexOf("npm run build"));
    expect(build.indexOf("npm run build")).toBeLessThan(build.indexOf("npm prune --omit=dev"));
    expect(runtime).toMatch(/FROM node:20-bookworm-slim\n/);
    expect(runtime).not.toMatch(/apt-get|g\+\+/);
  });

  it("GIVEN the HEALTHCHECK THEN it runs the node check script (no curl in slim) on /healthz, and the script is copied in", () => {
    expect(runtime).toMatch(/HEALTHCHECK[\s\S]*CMD \["node", "deploy\/healthcheck\.mjs", "\/healthz"\]/);
    expect(runtime).toContain("COPY --chown=root:root deploy/healthcheck.mjs ./deploy/healthcheck.mjs");
    expect(existsSync(`${ROOT}deploy/healthcheck.mjs`)).toBe(true);
  });

  it("GIVEN the ports it exposes THEN they are the defaults of HTTP_PORT in the image and PORT in the config", () => {
    const httpPort = /HTTP_PORT=(\d+)/.exec(runtime)?.[1];
    expect(runtime).toMatch(new RegExp(`^EXPOSE ${httpPort} 8080$`, "m"));
    expect(read(".env.example")).toMatch(/^PORT=8080$/m);
  });

  it("GIVEN .dockerignore THEN secrets and local state stay out of the image", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const entry of [".env", "node_modules", "data", "dist", ".git"]) expect(ignored).toContain(entry);
  });
});

describe("compose.yaml", () => {
  it("GIVEN the services THEN two bot instances and a PostgreSQL 15 with a health check", () => {
    expect(bots.map(([name]) => name)).toHaveLength(2);
    expect(compose.services.postgres?.image).toBe("postgres:15");
    expect(compose.services.postgres?.healthcheck?.test.join(" ")).toContain("pg_isready");
  });

  it.each(bots)("GIVEN %s THEN every variable it sets is one the bot reads (.env.example)", (_name, bot) => {
    for (const key of Object.keys(bot.environment ?? {})) expect(exampleKeys, key).toContain(key);
  });

  it.each(bots)("GIVEN %s THEN it waits for a healthy database that its DATABASE_URL names, with the right user and database", (_name, bot) => {
    expect(bot.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    const url = new URL(bot.environment!.DATABASE_URL!.replace("${POSTGRES_PASSWORD:-kabar}", "x"));
    const pg = compose.services.postgres!.environment!;
    expect(url.hostname).toBe("postgres");
    expect(url.username).toBe(pg.POSTGRES_USER);
    expect(url.pathname).toBe(`/${pg.POSTGRES_DB}`);
  });

  it.each(bots)("GIVEN %s THEN its published port reaches HTTP_PORT in the container, where its health check asks /healthz", (_name, bot) => {
    const port = bot.environment!.HTTP_PORT;
    expect(bot.ports).toHaveLength(1);
    expect(bot.ports![0]!.split(":")[1]).toBe(port);
    expect(bot.healthcheck!.test).toEqual(["CMD", "node", "deploy/healthcheck.mjs", "/healthz"]);
  });

  it("GIVEN the two instances THEN each has its own data volume and its own host port", () => {
    const [a, b] = bots.map(([, s]) => s);
    expect(a!.volumes![0]).not.toBe(b!.volumes![0]);
    expect(a!.ports![0]!.split(":")[0]).not.toBe(b!.ports![0]!.split(":")[0]);
    for (const volume of [...a!.volumes!, ...b!.volumes!]) expect(compose.volumes).toHaveProperty(volume.split(":")[0]!);
  });
});

describe("systemd unit (deploy/kabar.service)", () => {
  const unit = read("deploy/kabar.service");
  const settings = unit
    .split("\n")
    .filter((l) => /^[A-Za-z]+=/.test(l))
    .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)] as const);
  const value = (key: string) => settings.filter(([k]) => k === key).map(([, v]) => v);

  it("GIVEN the service THEN it runs node on the compiled entry, restarts on failure but not on a config error, and reloads with SIGHUP", () => {
    expect(value("ExecStart")).toEqual([`/usr/bin/node ${entry}`]);
    expect(value("Restart")).toEqual(["on-failure"]);
    expect(value("RestartPreventExitStatus")).toEqual(["2"]);
    expect(value("KillSignal")).toEqual(["SIGTERM"]);
    expect(value("ExecReload")).toEqual(["/bin/kill -HUP $MAINPID"]);
    expect(value("EnvironmentFile")).toHaveLength(1);
  });

  it("GIVEN the service THEN it runs hardened as its own user, writing only its state directory, which is DATA_DIR", () => {
    expect(value("User")).toEqual(["kabar"]);
    expect(value("NoNewPrivileges")).toEqual(["yes"]);
    expect(value("ProtectSystem")).toEqual(["strict"]);
    expect(value("Environment")).toContain(`DATA_DIR=/var/lib/${value("StateDirectory")[0]}`);
  });
});
