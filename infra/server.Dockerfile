# syntax=docker/dockerfile:1
# fundtrace server image: the GraphQL API with the built explorer, on one port (4000).
#
#   docker build -f infra/server.Dockerfile -t fundtrace-server .    # from the repository root
#
# docker compose -f infra/docker-compose.yml build does the same. CI cannot run Docker: it
# lints this file and replays its stages in a directory (infra/test/dockerfile-dry-run.mjs),
# then runs the compose command lines in the result (infra/test/smoke.sh). For the replay,
# RUN lines name no absolute path (an ARG holds it) and use only plain commands.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: install the workspace, build it, and deploy the server and the synthetic data
# generator (the compose seed profile) with their production dependencies into ${DEPLOY_DIR}/app,
# laid out as the runtime expects.
FROM ${NODE_IMAGE} AS build
ARG PNPM_VERSION=10.34.9
ARG DEPLOY_DIR=/out
ENV CI=true \
    TURBO_TELEMETRY_DISABLED=1
RUN npm install --global --no-fund --no-audit "pnpm@${PNPM_VERSION}"
WORKDIR /repo
# The lockfile alone decides the downloads: this layer stays cached until it changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch
COPY . .
RUN pnpm install --frozen-lockfile --offline
RUN pnpm build
# pnpm 10 deploys without injected workspace packages only with --legacy. The server finds
# its seed text at ../seed and the explorer at ../../explorer/dist relative to its dist/.
# The generator's node_modules holds its own copy of the server package (dist and seed).
RUN pnpm deploy --legacy --filter=@fundtrace/server --prod "${DEPLOY_DIR}/deployed" \
 && pnpm deploy --legacy --filter=@fundtrace/generator --prod "${DEPLOY_DIR}/generator" \
 && mkdir -p "${DEPLOY_DIR}/app/apps/server" "${DEPLOY_DIR}/app/apps/explorer" "${DEPLOY_DIR}/data" \
      "${DEPLOY_DIR}/app/packages/generator" \
 && for entry in package.json dist seed node_modules; do \
      mv "${DEPLOY_DIR}/deployed/${entry}" "${DEPLOY_DIR}/app/apps/server/"; \
    done \
 && for entry in package.json dist node_modules; do \
      mv "${DEPLOY_DIR}/generator/${entry}" "${DEPLOY_DIR}/app/packages/generator/"; \
    done \
 && cp -R apps/explorer/dist "${DEPLOY_DIR}/app/apps/explorer/dist" \
 && test -f "${DEPLOY_DIR}/app/apps/server/dist/index.js" \
 && test -f "${DEPLOY_DIR}/app/packages/generator/dist/generate-cli.js" \
 && test -f "${DEPLOY_DIR}/app/apps/explorer/dist/index.html"

# ---- runtime: node and the deployed files only; no pnpm, no sources, no dev dependencies.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    LOG_LEVEL=info
WORKDIR /app
# Code stays owned by root (read-only to the server); only the PGlite fallback directory,
# used when DATABASE_URL is unset, is writable by the unprivileged user.
COPY --from=build /out/app/ ./
COPY --from=build --chown=node:node /out/data/ ./.data/
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
CMD ["node", "apps/server/dist/index.js"]
