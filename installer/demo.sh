#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's main command: build, record this machine, import it into an embedded SQLite case and open the
# workstation on it (or, with no display, print a summary and write the incident report as a PDF).
set -euo pipefail
cd "$(dirname "$0")/.."

bash installer/install-deps.sh
preset=dev
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --parallel "$(nproc)" --target flightrec flightdeck-cli flightdeck
flightrec="build/$preset/collector/flightrec"
deck="build/$preset/app/cli/flightdeck-cli"
workstation="build/$preset/app/gui/flightdeck"

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

outbox="$demo/run-$(date +%Y%m%d-%H%M%S)"
log="$demo/record.log"
# The built-in defaults, plus a watched directory of the demo's own and alerts into a file instead of syslog.
watched="$demo/watched"
mkdir -p "$watched"
echo "setting = 1" > "$watched/app.conf"
alerts="$outbox.alerts.jsonl"
config="$demo/flightrec.conf"
defaults=$(sed -n 's/^# watch_paths = //p' installer/flightrec.conf)
cat > "$config" <<CONF
watch_paths = $defaults $watched
alert_sinks = command
alert_command = /bin/sh -c "cat >> \$0" $alerts
CONF
echo
echo "Recording this machine for 12 seconds (flightrec record) while some visible activity runs:"
"$flightrec" record --key "$key" --config "$config" --out "$outbox" --duration 12 2> >(tee "$log" >&2) &
recorder=$!
for _ in $(seq 100); do grep -q '^flightrec: capturing' "$log" 2>/dev/null && break; sleep 0.1; done
activity() {
  uname -a > /dev/null
  sh -c 'ls /etc | wc -l' > /dev/null
  sha256sum /bin/ls > /dev/null
  (cd /tmp && sh -c 'echo flight-demo-activity | tr a-z A-Z | sort > /dev/null')
  sh -c 'sleep 0.2; exit 3' || true
  local scratch
  scratch=$(mktemp -d /var/tmp/flight-demo-XXXXXX)
  echo evidence > "$scratch/note.txt"
  mv "$scratch/note.txt" "$scratch/renamed.txt"
  cp /bin/true "$scratch/copied-true" && "$scratch/copied-true"
  rm -r "$scratch"
  (exec 3<>/dev/tcp/127.0.0.1/1) 2>/dev/null || true   # a refused TCP connection: connect, then close
  echo flight-demo > /dev/udp/127.0.0.1/9 || true       # one UDP datagram
  echo "setting = 2" > "$watched/app.conf"               # a watched file changed: a high integrity change
}
activity
wait "$recorder"
echo
echo "Verifying every archive in $outbox against the trust file:"
"$flightrec" verify --trust "$demo/trusted-hosts" "$outbox"
archive=$(ls -t "$outbox"/*.frec | head -1)
events() { for f in "$outbox"/*.frec; do "$flightrec" cat "$f"; done; }
echo
echo "How it captured (from the manifest of $(basename "$archive")):"
"$flightrec" cat --manifest "$archive" | jq -r '.collector.backends[]
  | "  \(.source): \(.backend)\(if .degraded then " (degraded: \(.reason))" else "" end)"'
for f in "$outbox"/*.frec; do "$flightrec" cat --manifest "$f"; done \
  | jq -rs '"  archives: \(length), events: \(map(.events) | add), losses: \(map(.losses | length) | add)"'
echo
echo "Every program the activity ran, with its parent and exit (flightrec cat | jq):"
events | jq -rs '
  (map(select(.kind == "proc.exit")) | map({key: "\(.pid)/\(.start)", value: .}) | from_entries) as $exits
  | map(select(.kind == "proc.exec" and .cwd != null))
  | (["PID", "PPID", "UID", "EXIT", "ARGV"] | @tsv),
    (.[] | ($exits["\(.pid)/\(.start)"]) as $x
      | [.pid, .ppid, .uid,
         (if $x == null then "running" elif $x.code != null then $x.code
          elif $x.signal != null then "signal \($x.signal)" else "?" end),
         (.argv | join(" ") | .[0:70])] | @tsv)' | tail -25 | column -t -s $'\t'

echo
echo "Files the activity touched under /var/tmp, by which program:"
events | jq -rs '
  (map(select(.kind == "proc.exec" or .kind == "proc.snapshot"))
   | map({key: "\(.pid)/\(.start)", value: (.argv[0] // .comm // "?")}) | from_entries)
    as $programs
  | map(select(.kind == "file.access" and (.path | startswith("/var/tmp/flight-demo-"))))
  | (["OP", "PROGRAM", "PATH"] | @tsv),
    (.[] | [.op, ($programs["\(.pid)/\(.start)"] // "pid \(.pid)"),
            (.path + (if .to then " -> " + .to else "" end))] | @tsv)' | column -t -s $'\t'
echo
echo "Network endpoints used while recording (first 15):"
events | jq -rs '
  map(select(.kind == "net.endpoint" and .op != "exists"))
  | (["OP", "PROTO", "PID", "LOCAL", "REMOTE"] | @tsv),
    (.[:15][] | [.op, .proto, (.pid // "-"), "\(.laddr):\(.lport)",
                 (if .raddr then "\(.raddr):\(.rport)" else "-" end)] | @tsv)' | column -t -s $'\t'

echo
echo "Host integrity at the start (state.snapshot, items per check) and every change found while recording:"
events | jq -rs '
  (map(select(.kind == "state.snapshot")) | group_by(.check) | map(.[0]))
  | (["CHECK", "ITEMS"] | @tsv), (.[] | [.check, (.items | length)] | @tsv)' | column -t -s $'\t'
events | jq -r 'select(.kind == "state.change")
  | "  \(.severity) \(.check): " + ([(.added // [])[] | "added \(.id)"] + [(.removed // [])[] | "removed \(.id)"]
      + [(.changed // [])[] | "changed \(.id)"] | join(", ") | .[0:110])'
echo "Alerts delivered to the command sink: $(cat "$alerts" 2>/dev/null | wc -l) (in $alerts)"

echo
case_file="$demo/case.sqlite"
echo "Importing into the SQLite case $case_file (the host's key trusted from the trust file, then every archive"
echo "verified: signature, digests, hash chain):"
"$deck" --db "$case_file" trust --file "$demo/trusted-hosts" --label demo > /dev/null
"$deck" --db "$case_file" import "$outbox"
echo
echo "The case's hosts (flightdeck-cli hosts):"
"$deck" --db "$case_file" hosts
echo
echo "What the case says it did not see (flightdeck-cli query losses):"
"$deck" --db "$case_file" query losses
echo
echo "The programs of the activity that touched /var/tmp, from the case (flightdeck-cli query search):"
"$deck" --db "$case_file" query search /var/tmp/flight-demo --limit 8

echo
report="$demo/incident-report.pdf"
echo "The incident report of the case (flightdeck-cli report):"
"$deck" --db "$case_file" report --out "$report" --title "Flight Recorder demo: $(hostname)"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  echo
  echo "Opening the workstation on the case (close the window to end the demo)."
  "$workstation" "$case_file"
else
  cat <<TXT

No display here, so the workstation is not opened. On a desktop, open the case with:
  $workstation $case_file
The report is $report (for example: pdftoppm -png -r 80 $report page).
Archives, the host key and the case are in $demo ('$flightrec --help' and '$deck --help' list what exists).
TXT
fi
