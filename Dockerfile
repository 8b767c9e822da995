# kabar in a container: compiled JavaScript under plain node (signals reach the bot itself).
#   docker build -t kabar .
#   docker run --env-file .env -e HTTP_PORT=9464 -p 9464:9464 -v kabar-data:/data kabar
# The build stage has the compilers better-sqlite3 needs; the runtime stage only the result.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles its native module when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build \
 && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    CONTENT_DIR=/app/content \
    DATA_DIR=/data \
    HTTP_PORT=9464
WORKDIR /app
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
COPY --chown=root:root deploy/healthcheck.mjs ./deploy/healthcheck.mjs
COPY --chown=root:root content ./content
# The database (SQLite) and the Telegram command-menu state live here; the code stays read-only.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
# 9464: /healthz /readyz /metrics (HTTP_PORT); 8080: the Telegram webhook (PORT), when used.
EXPOSE 9464 8080
# No curl in the slim image: the check is a few lines of node (fetch), exit 0 when /healthz answers 200.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "deploy/healthcheck.mjs", "/healthz"]
# node as PID 1, no npm or shell in between, so SIGTERM (docker stop) and SIGHUP (reload) reach the bot.
# Node does not reap zombies, but the bot starts no child processes (use `docker run --init` if yours do).
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
