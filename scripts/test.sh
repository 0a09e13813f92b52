#!/usr/bin/env bash
# Run the test suite: setup --dev, then pytest with any extra arguments.
#   bash scripts/test.sh                      everything (browser tests included)
#   bash scripts/test.sh tests/browser -q     only the browser tests
#   bash scripts/test.sh -m "not browser"     skip the browser tests
# The exit code is pytest's; 5 ("no tests collected") counts as a failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh --dev

rc=0
.venv/bin/python -m pytest "$@" || rc=$?
if [ "$rc" -eq 5 ]; then
    echo "test.sh: pytest collected no tests (exit 5): treated as a failure." >&2
fi
exit "$rc"
