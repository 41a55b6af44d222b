#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian package that building, testing and demonstrating Flight Recorder needs.
# Idempotent: packages already present are not fetched again. Debian 12 (bookworm), run as root or with sudo.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config clang llvm libclang-rt-14-dev clang-format git
  # Qt 6 (core, widgets, sql, charts and the OpenGL module its CMake package needs, printing, translations)
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite libqt6sql6-psql libgl-dev libqt6svg6
  # archive, crypto, transport, capture
  libquazip1-qt6-dev libsodium-dev libssh-dev libbpf-dev bpftool libelf-dev zlib1g-dev
  # real components the tests start
  postgresql libpq-dev libsqlite3-dev openssh-server openssh-client iproute2 dpkg-dev
  # looking at what a person sees, and inspecting archives
  xvfb xauth poppler-utils fonts-dejavu-core unzip jq sqlite3 bsdextrautils desktop-file-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: must run as root (or have sudo) to install: ${missing[*]}" >&2; exit 2; }
  sudo="sudo"
fi
echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
