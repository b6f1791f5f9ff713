# gigdesk: build with the dev dependencies, run the compiled bot with production dependencies only.
# Not built in this repository's CI (no Docker engine there); every command below is one the tests run.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# sqlite3 compiles its native module when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
# npm install runs `prepare`, which is `npm run build` (tsc to dist/, then the one-shot bundle); then the
# dev dependencies go.
RUN npm install && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production GIGDESK_DB_PATH=/data/gigdesk.sqlite METRICS_PORT=9464
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s CMD ["node", "dist/cli.js", "health"]
CMD ["node", "dist/cli.js", "start"]
