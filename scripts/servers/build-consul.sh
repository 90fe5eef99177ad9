#!/usr/bin/env bash
# Builds the real Consul agent from its Go module and caches it at
# ${CONFIGDECK_SERVERS_CACHE:-$HOME/.cache/configdeck/servers}/consul-<version>/consul (skipped when cached).
# Consul's go.mod replaces its submodules (api, sdk, ...) with local folders, which `go install pkg@version`
# refuses; a throw-away wrapper module that requires the release builds it instead, and minimal version
# selection picks the submodule versions the release's go.mod requires (but see CONSUL_API_VERSION below).
set -euo pipefail

# shellcheck source=build-common.sh
source "$(dirname "$0")/build-common.sh"
TARGET="$CACHE/consul-$CONSUL_VERSION/consul"
exit_if_cached consul "$CONSUL_VERSION" "$TARGET"
require_tool go build-consul 'the Go toolchain is missing: install it from https://go.dev/dl or the Debian package golang.'

# Module and build caches live beside the binary so a fresh clone on the same machine reuses them.
export GOMODCACHE="$CACHE/go/mod"
export GOCACHE="$CACHE/go/build"
# -modcacherw: the module cache stays deletable with a plain `rm -rf`.
export GOFLAGS="-mod=mod -modcacherw -buildvcs=false"
export CGO_ENABLED=0
# Consul needs Go >= 1.25.9; an older Go (>= 1.21) fetches that toolchain through the module proxy.
export GOTOOLCHAIN=auto

mkdir -p "$CACHE"
work="$(mktemp -d "$CACHE/.consul-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# The release builds its in-tree api module, which is newer than the api tag its go.mod names (the release
# fails to compile against it): CONSUL_API_VERSION in versions.env is the first api tag that has what it needs.
# Excludes are not inherited from a dependency's go.mod: repeat the release's own.
cat >"$work/go.mod" <<GOMOD
module configdeck.local/consul-build

go 1.25

require (
	github.com/hashicorp/consul v$CONSUL_VERSION
	github.com/hashicorp/consul/api v$CONSUL_API_VERSION
)

exclude (
	github.com/hashicorp/go-msgpack v1.1.5
	github.com/hashicorp/go-msgpack v1.1.6
)
GOMOD

started=$(date +%s)
echo "consul $CONSUL_VERSION: building (first build downloads and compiles a few hundred modules; takes minutes)"
(
  cd "$work"
  go build -trimpath -ldflags "-s -w" -o "$work/consul" github.com/hashicorp/consul
)
mkdir -p "$(dirname "$TARGET")"
mv "$work/consul" "$TARGET.tmp" && mv "$TARGET.tmp" "$TARGET"
echo "consul $CONSUL_VERSION: built $TARGET in $(($(date +%s) - started)) s"
