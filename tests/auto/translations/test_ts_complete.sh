#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every translation is complete and current: lupdate, run over the workstation's sources on a copy of each .ts file,
# must leave no unfinished entry (a string without its translation) and no vanished or obsolete one (a translation
# of a string the code no longer has). Prints each offending source string.
#   test_ts_complete.sh LUPDATE TS_FILE... -- SOURCE_DIR...
set -euo pipefail
lupdate=$1
shift
ts_files=()
while [ "$1" != "--" ]; do ts_files+=("$1"); shift; done
shift
work=$(mktemp -d /tmp/tst_translations.XXXXXX)
trap 'rm -rf "$work"' EXIT
failed=0
for ts in "${ts_files[@]}"; do
    copy="$work/$(basename "$ts")"
    cp "$ts" "$copy"
    "$lupdate" -locations none "$@" -ts "$copy" > "$work/lupdate.log" 2>&1 || { cat "$work/lupdate.log"; exit 1; }
    bad=$(python3 - "$copy" <<'PY'
import sys, xml.etree.ElementTree as ET
for message in ET.parse(sys.argv[1]).getroot().iter('message'):
    kind = message.find('translation').get('type')
    if kind in ('unfinished', 'vanished', 'obsolete'):
        print(f"  {kind}: {message.findtext('source')!r}")
PY
)
    total=$(grep -c '<message' "$copy" || true)
    if [ -n "$bad" ]; then
        echo "FAIL: $(basename "$ts"): $(wc -l <<< "$bad") of $total entries are not done after lupdate:"
        echo "$bad"
        failed=1
    else
        echo "PASS: $(basename "$ts"): all $total entries translated and current"
    fi
done
exit $failed
