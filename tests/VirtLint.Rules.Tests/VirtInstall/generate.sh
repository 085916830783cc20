#!/usr/bin/env bash
# Regenerates domains/*.xml: what virt-install (Debian package virtinst) prints for current Linux and Windows guests,
# with and without common options. Needs only virt-install: no libvirt daemon, no QEMU.
#
# virt-install talks to libvirt's test driver (test:///default) through its own test hook, `__virtinst_test__`, which
# also makes UUIDs and MAC addresses predictable (so regenerating gives the same files) and answers capabilities from
# host/*.xml: a real KVM host recorded by capture-host.sh. Plain test:///default offers only a fictitious `test`
# hypervisor without virtio, and virt-install's output for it is nothing a real host would run.
#
# The guest list is fixed by the OS database this virt-install reads (Debian 12: osinfo-db 0.20221130). Releases newer
# than that database use its nearest entry for the same distribution; the file name says which release is meant and
# the <libosinfo:os> element which entry was used.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/domains"
media="$(mktemp -d)"
trap 'rm -rf "$media"' EXIT

command -v virt-install > /dev/null || { echo "error: virt-install not found (apt-get install virtinst)" >&2; exit 1; }
connect="__virtinst_test__test:///default,predictable,caps=$here/host/capabilities.xml,domcaps=$here/host/domcapabilities.xml,fakeuri=qemu:///system"

# name|osinfo entry|memory MiB|vCPUs|kind
guests=(
  "fedora-41|fedora-unknown|4096|2|linux"
  "almalinux-9|almalinux9|4096|2|linux"
  "rhel-9|rhel9.1|4096|2|linux"
  "ubuntu-22.04|ubuntu22.04|4096|2|linux"
  "ubuntu-24.04|ubuntu22.04|4096|2|linux"
  "debian-12|debiantesting|4096|2|linux"
  "windows-server-2022|win2k22|8192|4|windows"
  "windows-11|win11|8192|4|windows"
)

# variant|options (Linux guests import a cloud image; Windows guests always install from an ISO)
variants=(
  "default|--disk size=20"
  "bridge-vnc|--disk size=40 --network bridge=br0 --graphics vnc"
  "uefi-tpm|--disk size=20 --boot uefi --tpm emulator"
  "headless|--disk size=20 --network bridge=br0 --graphics none"
)

rm -rf "$out" && mkdir -p "$out"
run() { # file, XML step, then virt-install arguments
  local file="$1" step="$2"; shift 2
  virt-install --connect "$connect" --print-xml "$step" --dry-run --noautoconsole "$@" |
    sed "s#$media#/var/lib/libvirt/boot#g" > "$out/$file"
}

for guest in "${guests[@]}"; do
  IFS='|' read -r name osinfo memory vcpus kind <<< "$guest"
  iso="$media/$name.iso"
  : > "$iso"
  for variant in "${variants[@]}"; do
    IFS='|' read -r label options <<< "$variant"
    # shellcheck disable=SC2086 # options are word lists by design
    if [ "$kind" = linux ]; then
      run "$name-$label.xml" 1 --name "$name" --osinfo "$osinfo" --memory "$memory" --vcpus "$vcpus" --import $options
    else
      run "$name-$label.xml" 2 --name "$name" --osinfo "$osinfo" --memory "$memory" --vcpus "$vcpus" --cdrom "$iso" $options
    fi
  done
  # A Linux guest installed from its ISO keeps the CD-ROM drive. An ISO install prints two definitions, the
  # installer's boot and the one kept afterwards: step 2 is the one kept (an import has only step 1).
  if [ "$kind" = linux ]; then
    run "$name-install-iso.xml" 2 --name "$name" --osinfo "$osinfo" --memory "$memory" --vcpus "$vcpus" --cdrom "$iso" --disk size=20
  fi
done

echo "Wrote $(ls "$out" | wc -l) definitions to ${out#"$PWD"/} with $(virt-install --version | sed 's/^/virt-install /')."
