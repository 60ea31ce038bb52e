# Sourced by script/test: the tools some tests drive from outside, installed with apt-get when
# missing (as root, or through sudo). Each function prints the path the tests should use;
# script/test exports it, and a test given a path that does not work fails instead of skipping.

# Headless Chromium, for the browser tests that render /program and /agenda/{token} and save
# screenshots (CITYLAB_CHROMIUM).
ensure_chromium() {
    local candidate
    for candidate in chromium chromium-browser google-chrome; do
        if command -v "$candidate" >/dev/null; then command -v "$candidate"; return; fi
    done
    apt_install chromium fonts-dejavu-core
    command -v chromium
}

# Debian's docker-compose (1.x), to validate docker-compose.yml offline with 'docker-compose
# config'; no Docker engine is needed for that (CITYLAB_DOCKER_COMPOSE).
ensure_docker_compose() {
    command -v docker-compose >/dev/null || apt_install docker-compose
    command -v docker-compose
}
