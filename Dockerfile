# One image for every service: `docker build --build-arg SERVICE=review -t filing/review .`
# The build stage compiles the workspace with swc (npm run build → dist/app); the runtime stage holds only the
# compiled JavaScript and production dependencies.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
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
USER node
# Migrations run at start-up by default; a Kubernetes Job runs `node services/$SERVICE/src/migrate.js` instead.
CMD ["sh", "-c", "exec node services/${SERVICE}/src/main.js"]
