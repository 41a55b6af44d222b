#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's main command: build, record this machine, import it into an embedded SQLite case and open the
# workstation (or print a summary without a display). Runs every part that exists today and says which parts do not.
set -euo pipefail
cd "$(dirname "$0")/.."

bash installer/install-deps.sh
preset=dev
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --parallel "$(nproc)" --target flightrec
flightrec="build/$preset/collector/flightrec"

demo=${FLIGHT_DEMO_DIR:-$PWD/demo}
mkdir -p "$demo"
key="$demo/host.key"
if [ ! -f "$key" ]; then
  "$flightrec" keygen --key "$key" > "$demo/trusted-hosts"
fi
echo
echo "Host signing key: $key"
echo "Trust file for the workstation: $demo/trusted-hosts"
"$flightrec" pubkey --key "$key" --fingerprint | sed 's/^/Fingerprint: /'

shopt -s nullglob
archives=("$demo"/*.frec)
if [ ${#archives[@]} -gt 0 ]; then
  echo
  echo "Verifying the archives in $demo:"
  "$flightrec" verify --trust "$demo/trusted-hosts" "$demo" || true
fi

cat <<TXT

Not built yet, so the demo stops here:
  - recording this machine (flightrec record / snapshot)      -- issue #3
  - importing into a SQLite case and the summary (flightdeck-cli) -- issue #6
  - the workstation window (flightdeck)                        -- issue #8
What exists: the signed archive format and 'flightrec keygen | pubkey | verify | cat' ($flightrec --help).
TXT
