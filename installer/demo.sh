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

archive="$demo/$(hostname)-$(date -u +%Y%m%dT%H%M%SZ).frec"
echo
echo "Recording this machine's live processes (flightrec snapshot):"
"$flightrec" snapshot --key "$key" --out "$archive"
echo
echo "Verifying every archive in $demo against the trust file:"
"$flightrec" verify --trust "$demo/trusted-hosts" "$demo"
echo
echo "A look inside $(basename "$archive") (flightrec cat | jq): the newest user-space processes"
{
  printf 'PID\tPPID\tUID\tCOMM\tARGV\n'
  "$flightrec" cat "$archive" | jq -r 'select(.kind == "proc.snapshot" and .exe)
    | [.pid, .ppid, .uid, .comm, (.argv | join(" ") | .[0:70])] | @tsv' | tail -12
} | column -t -s $'\t'

cat <<TXT

Not built yet, so the demo stops here:
  - continuous recording (flightrec run / record: exec, files, network, integrity) -- issue #3 and after
  - importing into a SQLite case and its summary (flightdeck-cli)                   -- issue #6
  - the workstation window (flightdeck)                                             -- issue #8
Archives and the host key are in $demo ('$flightrec --help' lists what exists).
TXT
