#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's test command: install what is needed, build everything, run the whole test suite.
# Ends with ctest's summary; exits non-zero when anything fails. CI runs it through .ci/run with CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

bash installer/install-deps.sh

preset=ci
jobs=$(nproc)
echo "== configure ($preset)"
cmake --preset "$preset" >/dev/null
echo "== build"
cmake --build --preset "$preset" --parallel "$jobs"
echo "== test"
ctest --preset "$preset" --parallel "$jobs" --timeout 900
