# Builds citylab for docker-compose.yml. Swift 6 on Debian, libpq only.
FROM swift:6.0-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN swift build -c release --static-swift-stdlib --product citylab && cp .build/release/citylab /usr/local/bin/citylab

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates tzdata curl \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/bin/citylab /usr/local/bin/citylab
USER nobody
EXPOSE 8080
CMD ["citylab", "serve", "--host", "0.0.0.0", "--port", "8080"]
