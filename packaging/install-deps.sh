#!/usr/bin/env bash
# Installs exactly the Debian 12 packages EQL Workbench needs to build, test and run.
# Non-interactive and idempotent: does nothing when everything is already installed.
set -euo pipefail

packages=(
  # toolchain
  cmake g++ make pkg-config
  # Qt 6 and QScintilla (GUI, charts, SVG icons, Qt Test)
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqscintilla2-qt6-dev
  # engine libraries
  libsqlite3-dev nlohmann-json3-dev libsimdjson-dev libtomlplusplus-dev libre2-dev zlib1g-dev
  # fonts so offscreen screenshots show real glyphs
  fonts-dejavu-core fontconfig
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
