#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what the benchmarks under tests/bench need beyond install-deps.sh: auditd, the comparator of bench_exec.
# bench_exec starts its own auditd (own config, own log) and stops it afterwards, so the system's auditd is left
# stopped and disabled here: a running auditd would hold the kernel's audit connection and add audit records to
# every measurement. Idempotent. Debian 12 (bookworm), run as root or with sudo.
set -euo pipefail

packages=(auditd)

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-bench-deps: must run as root (or have sudo)" >&2; exit 2; }
  sudo="sudo"
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-bench-deps: all ${#packages[@]} packages present"
else
  echo "install-bench-deps: installing ${#missing[@]} packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Keep the package scripts from starting auditd at all (invoke-rc.d and deb-systemd-invoke ask policy-rc.d): a
  # started auditd would load /etc/audit/rules.d and leave the kernel's audit enabled, with its rules, after it stops.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    $sudo sh -c 'printf "#!/bin/sh\n# install-bench-deps.sh: no service starts while it installs\nexit 101\n" \
      >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d'
    trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
    trap 'exit 130' INT TERM HUP
  fi
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Leave auditd stopped and disabled, whatever the package scripts did.
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
  $sudo systemctl disable --now auditd >/dev/null 2>&1 || true
  echo "install-bench-deps: auditd disabled and stopped (systemd)"
else
  if command -v update-rc.d >/dev/null && [ -e /etc/init.d/auditd ]; then
    $sudo update-rc.d auditd disable >/dev/null 2>&1 || true
  fi
  if pids=$(pgrep -x auditd); then
    # auditd flushes its log on SIGTERM; give it a moment, then force.
    # shellcheck disable=SC2086
    $sudo kill -TERM $pids 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      pgrep -x auditd >/dev/null || break
      sleep 0.5
    done
    if pgrep -x auditd >/dev/null; then
      # shellcheck disable=SC2086
      $sudo kill -KILL $pids 2>/dev/null || true
    fi
  fi
  echo "install-bench-deps: auditd not running (no systemd: stopped by signal, disabled in rc.d)"
fi
if pgrep -x auditd >/dev/null; then
  echo "install-bench-deps: auditd is still running (pid $(pgrep -x auditd | tr '\n' ' '))" >&2
  exit 1
fi
# A kernel left auditing (by an auditd that ran before) slows every process created from then on, and loaded rules
# add records to every measurement; bench_exec prints this state too. Not changed here: it is the administrator's.
if enabled=$($sudo auditctl -s 2>/dev/null | awk '$1 == "enabled" { print $2 }') && [ "${enabled:-0}" != 0 ]; then
  echo "install-bench-deps: note: the kernel's audit is enabled ($enabled); 'auditctl -e 0' turns it off" >&2
fi
if rules=$($sudo auditctl -l 2>/dev/null) && [ -n "$rules" ] && [ "$rules" != "No rules" ]; then
  echo "install-bench-deps: note: audit rules are loaded ('auditctl -D' deletes them): $rules" >&2
fi
echo "install-bench-deps: done"
