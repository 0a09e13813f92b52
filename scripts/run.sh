#!/usr/bin/env bash
# Start the dashboard: setup, create/seed the database, then streamlit.
# Extra arguments go to `streamlit run`, e.g.  bash scripts/run.sh --server.port 8599
# The database is $ADOPTION_DB, or by default
# ${XDG_DATA_HOME:-~/.local/share}/kraftsamling-ai/adoption.duckdb.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh

# Creates the database and loads demo data when it is empty.
if ! .venv/bin/python -m adoption init; then
    echo "run.sh: '.venv/bin/python -m adoption init' failed; not starting the app." >&2
    exit 1
fi

exec .venv/bin/streamlit run app.py "$@"
