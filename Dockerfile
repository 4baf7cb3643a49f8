# One image for the six apps; the app is chosen by APP (build arg default, or environment at run time):
#   docker build --build-arg APP=approval -t hub-approval .     docker run -e APP=registry …
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The build includes the browser scripts the console serves (dist/assets).
RUN npm run build
ARG APP=gateway
# tsconfig-paths maps the @hub/* aliases onto dist/; the variable it reads is TS_NODE_BASEURL.
ENV APP=${APP} NODE_ENV=production TS_NODE_BASEURL=dist
USER node
CMD ["sh", "-c", "exec node -r tsconfig-paths/register dist/apps/${APP}/src/main.js"]
