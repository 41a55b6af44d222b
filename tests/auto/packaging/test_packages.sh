#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian packages (cmake/FlightPackaging.cmake): built with cpack from the test build, their contents, control
# fields and maintainer scripts checked, then - as root under CI=true, or with FLIGHT_TEST_INSTALL_PACKAGES=1 -
# installed on this machine, upgraded to a newer version (a local change to the conffile kept), removed (the recorded
# archives and the configuration kept) and purged (both gone).
#   test_packages.sh BUILD_DIR
set -euo pipefail
build=$(realpath "$1")
work=$(mktemp -d /tmp/tst_packages.XXXXXX)
installed_by_us=no
checks=0

cleanup() {
    if [ "$installed_by_us" = yes ]; then
        dpkg -P flightrec flightdeck >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { checks=$((checks + 1)); echo "PASS: $*"; }

version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[ -n "$version" ] || fail "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake"
newer="$version.1"
# A second set with a higher version, from the same build, for the upgrade.
printf 'include("%s/CPackConfig.cmake")\nset(CPACK_PACKAGE_VERSION "%s")\n' "$build" "$newer" > "$work/newer.cmake"

(cd "$build" && cpack -G DEB -B "$work/v1" > "$work/cpack1.log" 2>&1) || { cat "$work/cpack1.log"; fail "cpack"; }
(cd "$build" && cpack -G DEB -B "$work/v2" --config "$work/newer.cmake" > "$work/cpack2.log" 2>&1) ||
    { cat "$work/cpack2.log"; fail "cpack (newer version)"; }
rec=$(ls "$work"/v1/flightrec_*.deb) || fail "no flightrec package built"
deck=$(ls "$work"/v1/flightdeck_*.deb) || fail "no flightdeck package built"
pass "cpack built $(basename "$rec") and $(basename "$deck")"

contents() { dpkg-deb -c "$1" | awk '{print $6}'; }
for f in ./usr/sbin/flightrec ./usr/sbin/flightrec-setup-pull-account ./etc/flightrec/flightrec.conf \
         ./lib/systemd/system/flightrec.service; do
    contents "$rec" | grep -qx "$f" || fail "$(basename "$rec") lacks $f"
done
for f in ./usr/bin/flightdeck ./usr/bin/flightdeck-cli ./usr/share/applications/flightdeck.desktop \
         ./usr/share/icons/hicolor/scalable/apps/flightdeck.svg ./usr/share/flightdeck/rules/exec-from-tmp.rule \
         ./usr/share/flightdeck/rules/new-listener.rule; do
    contents "$deck" | grep -qx "$f" || fail "$(basename "$deck") lacks $f"
done
contents "$deck" | grep -q 'flightrec$' && fail "the workstation package carries the collector"
contents "$rec" | grep -q 'flightdeck' && fail "the collector package carries the workstation"
pass "each package holds its own files and nothing of the other's"

rec_depends=$(dpkg-deb -f "$rec" Depends)
deck_depends=$(dpkg-deb -f "$deck" Depends)
for d in libsodium libquazip1-qt6 libqt6core6 libbpf; do
    grep -q "$d" <<< "$rec_depends" || fail "flightrec does not depend on $d: $rec_depends"
done
grep -q libqt6widgets6 <<< "$rec_depends" && fail "the collector depends on Qt Widgets: $rec_depends"
for d in libqt6widgets6 libqt6charts6 libssh libpq5 libqt6sql6-sqlite libqt6sql6-psql libqt6svg6; do
    grep -q "$d" <<< "$deck_depends" || fail "flightdeck does not depend on $d: $deck_depends"
done
pass "dependencies: flightrec on Qt Core without Widgets, flightdeck on Widgets, Charts, the SQL drivers and SVG"

dpkg-deb -e "$rec" "$work/control"
grep -qx /etc/flightrec/flightrec.conf "$work/control/conffiles" || fail "flightrec.conf is not a conffile"
for script in postinst prerm postrm; do
    [ -x "$work/control/$script" ] || fail "flightrec has no executable $script"
    sh -n "$work/control/$script" || fail "flightrec's $script is not valid sh"
done
dpkg-deb -x "$deck" "$work/deck"
desktop-file-validate "$work/deck/usr/share/applications/flightdeck.desktop" || fail "flightdeck.desktop is invalid"
pass "conffile, maintainer scripts and desktop entry"

if [ "${CI:-}" != true ] && [ "${FLIGHT_TEST_INSTALL_PACKAGES:-}" != 1 ]; then
    echo "SKIP: installing on this machine only under CI=true or FLIGHT_TEST_INSTALL_PACKAGES=1"
    echo "Totals: $checks passed, 0 failed, install steps skipped"
    exit 0
fi
[ "$(id -u)" -eq 0 ] || fail "installing the packages needs root"
if dpkg-query -W -f='${Status}' flightrec flightdeck 2>/dev/null | grep -q 'ok installed'; then
    fail "flightrec or flightdeck is already installed here; this test does not touch an installed copy"
fi
for dir in /var/lib/flightrec /etc/flightrec; do
    [ ! -e "$dir" ] || fail "$dir exists already; this test (which purges it) does not touch another collector's files"
done

installed_by_us=yes
dpkg -i "$rec" "$deck" > "$work/install.log" 2>&1 || { cat "$work/install.log"; fail "dpkg -i"; }
[ "$(/usr/sbin/flightrec --version)" = "flightrec $version" ] || fail "installed flightrec --version"
[ "$(/usr/bin/flightdeck-cli --version)" = "flightdeck-cli $version" ] || fail "installed flightdeck-cli --version"
QT_QPA_PLATFORM=offscreen /usr/bin/flightdeck --version | grep -q "$version" || fail "installed flightdeck --version"
/usr/bin/flightdeck-cli --db "$work/rules-case.sqlite" detect | grep -q '^detect: 13 rules' ||
    fail "installed flightdeck-cli detect does not find the rules in /usr/share/flightdeck/rules"
[ -d /var/lib/flightrec ] || fail "postinst did not create /var/lib/flightrec"
pass "installed; the installed programs run"

# Evidence and a local configuration change, which an upgrade and a removal must keep.
mkdir -p /var/lib/flightrec/outbox
echo evidence > /var/lib/flightrec/outbox/host-1.frec
echo "# local change by the administrator" >> /etc/flightrec/flightrec.conf
dpkg -i --force-confold "$work"/v2/flightrec_*.deb "$work"/v2/flightdeck_*.deb > "$work/upgrade.log" 2>&1 ||
    { cat "$work/upgrade.log"; fail "upgrade"; }
[ "$(dpkg-query -W -f='${Version}' flightrec)" = "$newer" ] || fail "flightrec was not upgraded to $newer"
grep -q "local change by the administrator" /etc/flightrec/flightrec.conf || fail "the upgrade lost the local config"
[ -f /var/lib/flightrec/outbox/host-1.frec ] || fail "the upgrade lost a recorded archive"
pass "upgraded to $newer; the local configuration and the recorded archive kept"

dpkg -r flightrec flightdeck > "$work/remove.log" 2>&1 || { cat "$work/remove.log"; fail "dpkg -r"; }
[ ! -e /usr/sbin/flightrec ] && [ ! -e /usr/bin/flightdeck ] || fail "dpkg -r left the programs"
[ -f /var/lib/flightrec/outbox/host-1.frec ] || fail "dpkg -r deleted a recorded archive"
[ -f /etc/flightrec/flightrec.conf ] || fail "dpkg -r deleted the configuration"
pass "removed; the recorded archive and the configuration kept"

dpkg -P flightrec flightdeck > "$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "dpkg -P"; }
[ ! -e /var/lib/flightrec ] || fail "purge left /var/lib/flightrec"
[ ! -e /etc/flightrec ] || fail "purge left /etc/flightrec"
installed_by_us=no
pass "purged; archives and configuration gone"
echo "Totals: $checks passed, 0 failed"
