#!/usr/bin/env bash
# Create/refresh the project virtualenv (.venv) from the pinned requirements.
#
#   bash scripts/setup.sh          runtime dependencies (requirements.txt)
#                                  + Debian's fonts-inter (the PDF reports' typeface)
#   bash scripts/setup.sh --dev    + test dependencies (requirements-dev.txt)
#                                  + Debian's chromium and haproxy for the browser
#                                    and replica tests
#   bash scripts/setup.sh --haproxy  runtime dependencies + Debian's haproxy
#                                  (scripts/cluster.sh: replicas behind a load balancer)
#
# Idempotent and quick: pip is skipped entirely when .venv/.requirements-stamp
# already holds the sha256 of the requirement files. Never runs
# `playwright install` (browser downloads are blocked); the browser tests use
# /usr/bin/chromium from Debian instead.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

DEV=0
HAPROXY_WANTED=0
for arg in "$@"; do
    case "$arg" in
        --dev) DEV=1; HAPROXY_WANTED=1 ;;
        --haproxy) HAPROXY_WANTED=1 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "setup.sh: unknown argument: $arg (expected --dev or --haproxy)" >&2; exit 2 ;;
    esac
done

VENV="$ROOT/.venv"
STAMP="$VENV/.requirements-stamp"
CHROMIUM=/usr/bin/chromium
REPORT_FONT=/usr/share/fonts/opentype/inter/Inter-Regular.otf
HAPROXY=/usr/sbin/haproxy

say() { echo "setup.sh: $*" >&2; }

# Run apt-get as root, through sudo when we are not root, or fail clearly.
apt_install() {
    local prefix=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            prefix=(sudo)
        else
            say "need root to install: $* (not root and no sudo)."
            say "install it yourself:  apt-get update && apt-get install -y $*"
            return 1
        fi
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        say "apt-get not found; install these packages by hand: $*"
        return 1
    fi
    say "installing Debian packages: $*"
    # Explicit `|| return`: errexit is off inside `if`/`||` conditions.
    "${prefix[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update || return 1
    "${prefix[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" || return 1
}

# 1. The virtualenv.
if [ -x "$VENV/bin/python" ] && ! "$VENV/bin/python" -c '' >/dev/null 2>&1; then
    say ".venv exists but its python does not run (moved or base interpreter gone); recreating it."
    rm -rf "$VENV"
fi
if [ ! -x "$VENV/bin/python" ]; then
    command -v python3 >/dev/null 2>&1 || { say "python3 not found (Python 3.11 is required)."; exit 1; }
    if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        say "python3 is $(python3 --version 2>&1); Python 3.11 or newer is required."
        exit 1
    fi
    say "creating .venv with $(python3 --version 2>&1)"
    if ! python3 -m venv "$VENV"; then
        # Debian ships venv/ensurepip separately (python3-venv).
        rm -rf "$VENV"
        apt_install python3-venv || exit 1
        python3 -m venv "$VENV"
    fi
fi

# 2. Python packages, skipped when the stamp matches.
if [ "$DEV" -eq 1 ]; then
    REQ=requirements-dev.txt
    FILES=(requirements.txt requirements-dev.txt)
    MODE=dev
else
    REQ=requirements.txt
    FILES=(requirements.txt)
    MODE=runtime
fi
for f in "${FILES[@]}"; do
    [ -f "$f" ] || { say "missing $f"; exit 1; }
done
WANT="$MODE $(cat "${FILES[@]}" | sha256sum | cut -d' ' -f1)"

if [ -f "$STAMP" ] && grep -qxF "$WANT" "$STAMP"; then
    :  # already installed: nothing to do
else
    say "installing $REQ into .venv"
    "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input -q -r "$REQ"
    # requirements-dev.txt includes requirements.txt: a dev install covers both.
    {
        echo "$WANT"
        if [ "$MODE" = dev ]; then
            echo "runtime $(cat requirements.txt | sha256sum | cut -d' ' -f1)"
        fi
    } > "$STAMP"
fi

# 3. Debian's chromium for the browser tests.
if [ "$DEV" -eq 1 ] && [ ! -x "$CHROMIUM" ]; then
    if ! apt_install chromium || [ ! -x "$CHROMIUM" ]; then
        say "$CHROMIUM is still missing: the browser tests need Debian's chromium package."
        exit 1
    fi
fi

# 4. The reports' typeface (embedded in every PDF). Without it the app runs but offers no report;
#    the tests need it.
if [ ! -f "$REPORT_FONT" ]; then
    if ! apt_install fonts-inter || [ ! -f "$REPORT_FONT" ]; then
        say "$REPORT_FONT is missing: PDF reports need Debian's fonts-inter package."
        if [ "$DEV" -eq 1 ]; then exit 1; fi
    fi
fi

# 5. Debian's haproxy (2.6) for replicas behind a load balancer (scripts/cluster.sh, tests/browser/test_cluster.py).
if [ "$HAPROXY_WANTED" -eq 1 ] && [ ! -x "$HAPROXY" ]; then
    if ! apt_install haproxy || [ ! -x "$HAPROXY" ]; then
        say "$HAPROXY is still missing: scripts/cluster.sh and tests/browser/test_cluster.py need Debian's haproxy package."
        exit 1
    fi
    # Debian's own haproxy service (if systemd starts it) has no frontend in its
    # default /etc/haproxy/haproxy.cfg; scripts/cluster.sh runs its own instance.
fi
