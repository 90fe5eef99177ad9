#!/usr/bin/env bash
# Installs what the test suite needs and a fresh machine lacks: Debian's ZooKeeper, etcd, Chromium and OpenSSH's
# server (the jump host of the SSH tests, started by them on loopback), plus
# a JRE for ZooKeeper; then builds Consul (Go) and r-nacos (Rust) from source into the servers cache
# (${CONFIGDECK_SERVERS_CACHE:-~/.cache/configdeck/servers}). Idempotent: installs only what is missing and
# builds only what is not cached. Needs root (or sudo) for apt-get.
set -euo pipefail

# fonts-noto-cjk: Chinese text renders in headless screenshots (the 简体中文 UI), not as empty boxes.
packages=(zookeeper etcd-server chromium openssh-server default-jre-headless fonts-noto-cjk)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
# A JRE is enough whichever way Java got here (the machine may ship its own JDK).
if command -v java >/dev/null 2>&1; then
  missing=("${missing[@]/default-jre-headless/}")
fi
read -r -a missing <<<"${missing[*]:-}"

if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "test:setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian starts packaged daemons on install; the tests start their own on free loopback ports. The SSH
# daemon is stopped only when this run installed it: one the machine already ran may be how it is reached.
services=(zookeeper etcd)
if [[ " ${missing[*]:-} " == *" openssh-server "* ]]; then services+=(ssh); fi
for service in "${services[@]}"; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$service" 2>/dev/null; then
    ${SUDO:-} systemctl stop "$service" || true
  fi
done

for bin in /usr/bin/etcd /usr/bin/chromium /usr/sbin/sshd /usr/bin/ssh-keygen /usr/share/java/zookeeper.jar; do
  [ -e "$bin" ] || { echo "test:setup: $bin is still missing after the install." >&2; exit 1; }
done
echo "test:setup: zookeeper, etcd, sshd and chromium are ready."

# Consul and Nacos have no Debian package: build them (minutes the first time, nothing once cached).
command -v go >/dev/null 2>&1 || {
  echo "test:setup: Go is missing: install Go >= 1.21 (https://go.dev/dl) or the Debian package golang." >&2
  exit 1
}
command -v cargo >/dev/null 2>&1 || {
  echo "test:setup: cargo is missing: install Rust with rustup (https://rustup.rs) or the Debian package cargo." >&2
  exit 1
}
servers_dir="$(dirname "$0")/servers"
for server in consul rnacos; do
  started=$(date +%s)
  bash "$servers_dir/build-$server.sh"
  echo "test:setup: $server ready in $(($(date +%s) - started)) s."
done
