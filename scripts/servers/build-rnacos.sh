#!/usr/bin/env bash
# Builds r-nacos (a Nacos server written in Rust, https://github.com/heqingpan/rnacos) from crates.io and
# caches it at ${CONFIGDECK_SERVERS_CACHE:-$HOME/.cache/configdeck/servers}/rnacos-<version>/bin/rnacos
# (skipped when cached). --locked builds with the crate's own Cargo.lock, so the build is reproducible.
set -euo pipefail

# shellcheck source=versions.env
source "$(dirname "$0")/versions.env"
CACHE="${CONFIGDECK_SERVERS_CACHE:-$HOME/.cache/configdeck/servers}"
ROOT="$CACHE/rnacos-$RNACOS_VERSION"
TARGET="$ROOT/bin/rnacos"

if [ -x "$TARGET" ]; then
  echo "rnacos $RNACOS_VERSION: cached at $TARGET"
  exit 0
fi
command -v cargo >/dev/null 2>&1 || {
  echo "build-rnacos: cargo (a recent stable Rust) is missing: install it with rustup (https://rustup.rs) or the Debian package cargo." >&2
  exit 1
}

started=$(date +%s)
echo "rnacos $RNACOS_VERSION: building (compiles a few hundred crates; takes minutes)"
# Build into a temporary root and move the binary in at the end: an interrupted build leaves no half binary.
mkdir -p "$CACHE"
staging="$(mktemp -d "$CACHE/.rnacos-build.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
CARGO_TARGET_DIR="$staging/target" cargo install rnacos --version "$RNACOS_VERSION" --locked --quiet \
  --root "$staging/root"
mkdir -p "$ROOT/bin"
mv "$staging/root/bin/rnacos" "$TARGET.tmp" && mv "$TARGET.tmp" "$TARGET"
echo "rnacos $RNACOS_VERSION: built $TARGET in $(($(date +%s) - started)) s"
