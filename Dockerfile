# One image for every service: `docker build --build-arg SERVICE=review -t filing/review .`; the web console runs from
# the same image with `node apps/console/server/main.js` (compose and deploy/ set that command).
# The build stage compiles the workspace with swc and builds the console with Vite (npm run build → dist/app); the
# runtime stage holds only the compiled JavaScript, the built console and production dependencies.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
COPY apps apps
COPY libs libs
COPY services services
COPY tools tools
RUN npm ci --no-audit --no-fund
RUN node tools/build.js

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /src/dist/app ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
ARG SERVICE=intake
ENV SERVICE=${SERVICE}
# publication embeds Noto Serif CJK (Debian's fonts-noto-cjk) in its PDF documents (docs/adr/0017). One image serves
# every service (compose and deploy/ run it as each), so the fonts are in it; DOCUMENT_FONTS=false leaves them out of
# an image that will not run publication.
ARG DOCUMENT_FONTS=true
RUN if [ "$DOCUMENT_FONTS" = true ]; then apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*; fi
USER node
# Migrations run at start-up by default; a Kubernetes Job runs `node services/$SERVICE/src/migrate.js` instead.
CMD ["sh", "-c", "exec node services/${SERVICE}/src/main.js"]
