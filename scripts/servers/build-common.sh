# Sourced by build-*.sh: the pinned versions, the cache directory, and the two checks every build starts with.
# shellcheck shell=bash

# shellcheck source=versions.env
source "$(dirname "${BASH_SOURCE[0]}")/versions.env"
CACHE="${CONFIGDECK_SERVERS_CACHE:-$HOME/.cache/configdeck/servers}"

# exit_if_cached NAME VERSION TARGET: nothing to build when the binary is already there.
exit_if_cached() {
  if [ -x "$3" ]; then
    echo "$1 $2: cached at $3"
    exit 0
  fi
}

# require_tool COMMAND SCRIPT HINT: fails the build in one sentence when its toolchain is missing.
require_tool() {
  command -v "$1" >/dev/null 2>&1 || {
    echo "$2: $3" >&2
    exit 1
  }
}
