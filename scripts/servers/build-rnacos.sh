#!/usr/bin/env bash
# Builds r-nacos (a Nacos server written in Rust, https://github.com/heqingpan/rnacos) from crates.io and
# caches it at ${CONFIGDECK_SERVERS_CACHE:-$HOME/.cache/configdeck/servers}/rnacos-<version>/bin/rnacos
# (skipped when cached). --locked builds with the crate's own Cargo.lock, so the build is reproducible.
set -euo pipefail

# shellcheck source=build-common.sh
source "$(dirname "$0")/build-common.sh"
ROOT="$CACHE/rnacos-$RNACOS_VERSION"
TARGET="$ROOT/bin/rnacos"
exit_if_cached rnacos "$RNACOS_VERSION" "$TARGET"
require_tool cargo build-rnacos 'cargo (a recent stable Rust) is missing: install it with rustup (https://rustup.rs) or the Debian package cargo.'

started=$(date +%s)
echo "rnacos $RNACOS_VERSION: building (compiles a few hundred crates; takes minutes)"
# The target directory survives an interrupted build (the next run resumes it) and goes once the binary is
# cached; the binary is installed into a staging root and moved in last, so no half binary is ever cached.
build="$CACHE/.rnacos-$RNACOS_VERSION-build"
mkdir -p "$build"
CARGO_TARGET_DIR="$build/target" cargo install rnacos --version "$RNACOS_VERSION" --locked --quiet \
  --root "$build/root"
mkdir -p "$ROOT/bin"
mv "$build/root/bin/rnacos" "$TARGET.tmp" && mv "$TARGET.tmp" "$TARGET"
rm -rf "$build"
echo "rnacos $RNACOS_VERSION: built $TARGET in $(($(date +%s) - started)) s"
