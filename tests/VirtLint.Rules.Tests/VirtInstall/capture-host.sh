#!/usr/bin/env bash
# Records the KVM host that generate.sh describes to virt-install: the capabilities and the q35 domain capabilities
# of the local QEMU, as a libvirt session daemon reports them. Run it on a host with QEMU, libvirt's QEMU driver and
# /dev/kvm; it writes host/capabilities.xml and host/domcapabilities.xml (the host UUID is blanked).
#
# As root, libvirt refuses a session daemon, so the daemon runs as an unprivileged user in a user namespace that maps
# the caller to it (it still opens /dev/kvm); it stops by itself after its idle timeout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
state="$(mktemp -d)"
trap 'rm -rf "$state"' EXIT
chmod 755 "$state"

session() {
  if [ "$(id -u)" -eq 0 ]; then
    unshare --user --map-user=1000 --map-group=1000 \
      env HOME="$state" XDG_RUNTIME_DIR="$state/run" XDG_CONFIG_HOME="$state/config" XDG_CACHE_HOME="$state/cache" "$@"
  else
    env HOME="$state" XDG_RUNTIME_DIR="$state/run" XDG_CONFIG_HOME="$state/config" XDG_CACHE_HOME="$state/cache" "$@"
  fi
}

mkdir -p "$state/run" && chmod 700 "$state/run"
session virsh -c qemu:///session capabilities |
  sed -E '0,/<uuid>/s#<uuid>[^<]*</uuid>#<uuid>00000000-0000-0000-0000-000000000000</uuid>#' > "$here/host/capabilities.xml"
session virsh -c qemu:///session domcapabilities --virttype kvm --arch x86_64 --machine q35 > "$here/host/domcapabilities.xml"
grep -q "<domain type='kvm'/>" "$here/host/capabilities.xml" || { echo "error: this host offers no KVM guests" >&2; exit 1; }
echo "Recorded the host of $(qemu-system-x86_64 --version | head -1)."
