# whichmodel: one image for the Slack and Discord bots and the CLI.
#   docker build -t whichmodel .
#   docker run --env-file .env -p 3000:3000 whichmodel slack      # HTTP mode (or Socket Mode with SLACK_APP_TOKEN)
#   docker run --env-file .env whichmodel discord
#   Several replicas: set WHICHMODEL_REDIS_URL (README, "Run it for a team"). `docker stop` sends SIGTERM: the bot
#   stops taking requests and finishes the answers in flight (WHICHMODEL_DRAIN_SECONDS, default 25; keep docker's
#   --stop-timeout above it).
# The install step is the README's `pip install .` (with the chat extras), which CI exercises.

FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY adapters ./adapters
COPY knowledge ./knowledge
RUN pip install --no-cache-dir --prefix=/install '.[slack,discord]'

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 whichmodel
COPY --from=build /install /usr/local
USER whichmodel
ENV PORT=3000 PYTHONUNBUFFERED=1 XDG_CACHE_HOME=/home/whichmodel/.cache
EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["whichmodel", "healthcheck"]
ENTRYPOINT ["whichmodel"]
CMD ["slack"]
