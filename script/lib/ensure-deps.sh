# Sourced by script/demo and script/test: installs what a fresh Debian machine with only
# the Swift toolchain lacks (libpq-dev, PostgreSQL's server binaries), with sudo when not root.

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
    echo "==> installing $* (apt-get)" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_build_deps() {
    local need=()
    [ -f /usr/include/postgresql/libpq-fe.h ] || need+=(libpq-dev)
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
    if [ ${#need[@]} -gt 0 ]; then apt_install "${need[@]}"; fi
    command -v swift >/dev/null || { echo "error: the Swift toolchain is not on PATH" >&2; exit 1; }
}

# A locale the test server can speak that is not English, for the tests that run the event
# store with lc_messages set to it (its errors must be decided on fields, not text). Made with
# localedef from Debian's locales package; prints its name for CITYLAB_TEST_FOREIGN_LOCALE.
ensure_foreign_locale() {
    local name=fr_FR.UTF-8
    if ! locale -a 2>/dev/null | grep -qix 'fr_FR.utf8'; then
        command -v localedef >/dev/null || apt_install locales
        as_root localedef -i fr_FR -f UTF-8 "$name" >&2
    fi
    echo "$name"
}
