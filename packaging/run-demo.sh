#!/usr/bin/env bash
# `make run`: builds the demo workspace from generated telemetry, then opens the workbench on it;
# without a display, runs the same demo headless through eqlwb and prints what the rule found.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
eqlwb="$build/app/cli/eqlwb"
gui="$build/app/gui/eql-workbench"
demo="$build/demo"
workspace="$demo/demo.eqlwb"
rule="$root/rules/command_and_control_common_webservices.toml"

available() { "$eqlwb" --help | grep -E "^  $1\$" >/dev/null; }

mkdir -p "$demo"
if available gen && available ingest; then
  if [ ! -f "$workspace" ]; then
    echo "Generating demo telemetry (200,000 events) and importing it into $workspace"
    "$eqlwb" gen --events 200000 --seed 7 -o "$demo/demo-telemetry.ndjson.gz"
    "$eqlwb" ingest "$workspace" "$demo/demo-telemetry.ndjson.gz"
  fi
else
  echo "This build has no store yet (eqlwb gen/ingest are not built), so the demo has no data."
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display (DISPLAY and WAYLAND_DISPLAY are unset): running the demo headless through eqlwb instead."
  if available run && [ -f "$workspace" ] && [ -f "$rule" ]; then
    echo "Rule: $(grep -m1 '^name' "$rule" | cut -d'"' -f2)"
    "$eqlwb" run "$workspace" "$rule" --size 20
    echo "Total matches: $("$eqlwb" run "$workspace" "$rule" --count)"
  elif available query && [ -f "$workspace" ]; then
    "$eqlwb" query "$workspace" 'network where dns.question.name : ("*.pastebin.*", "*ngrok.*")' --size 20
  else
    echo "The rule engine is not built into this version yet: nothing to run headless. The build and the tests are in place."
  fi
  exit 0
fi

args=()
[ -f "$rule" ] && args+=(--rule "$rule")
[ -f "$workspace" ] && args+=("$workspace")
exec "$gui" "${args[@]}"
