#!/usr/bin/env python3
"""Generates a synthetic libvirt workspace by replicating the shared corpus with fresh identities.

Usage: generate.py CORPUS OUT DOMAINS [--seed N]

Writes DOMAINS domain files, plus one pool per 20 domains, one volume per 10 and one network per 50, into
OUT/{domains,pools,volumes,networks}/NNN/ (1,000 files per folder). Each copy is a corpus file of that kind, taken
in turn, with a fresh name, UUID and MAC addresses (domains also fresh disk image paths, networks fresh bridge
names): the same for the same seed, never repeated within a workspace, so cross-document rules see a fleet without
accidental duplicates. Prints the number of files and bytes written.
"""
import os
import random
import re
import sys

KINDS = ("domain", "pool", "volume", "network")
# How many documents of each kind per domain.
PER_DOMAIN = {"domain": 1, "pool": 1 / 20, "volume": 1 / 10, "network": 1 / 50}

ROOT = re.compile(r"<(domain|pool|volume|network)[\s>]")
NAME = re.compile(r"<name>[^<]*</name>")
UUID = re.compile(r"<uuid>[^<]*</uuid>")
MAC = re.compile(r"(<mac\s+address=['\"])[0-9A-Fa-f:]+(['\"])")
# A domain's disk images (file or block device, backing chains included): one fleet's guests do not share them.
IMAGE = re.compile(r"(<source\s+(?:file|dev)=['\"])([^'\"]+)(['\"])")
BRIDGE = re.compile(r"(<bridge\s+name=['\"])([^'\"%]+)(['\"])")


def templates(corpus):
    found = {kind: [] for kind in KINDS}
    for folder, _, files in os.walk(corpus):
        for file in sorted(files):
            if not file.endswith(".xml"):
                continue
            with open(os.path.join(folder, file), encoding="utf-8", errors="surrogateescape") as f:
                text = f.read()
            match = ROOT.search(text)
            if match:
                found[match.group(1)].append((os.path.splitext(file)[0], text))
    for kind in KINDS:
        found[kind].sort()
    return found


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--seed")]
    seed = next((int(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--seed=")), 1)
    if len(args) != 3:
        sys.exit(__doc__)
    corpus, out, domains = args[0], args[1], int(args[2])
    rng = random.Random(seed)
    sources = templates(corpus)
    files = written = 0
    mac_serial = 0
    for kind in KINDS:
        count = max(1, int(domains * PER_DOMAIN[kind])) if domains > 0 else 0
        pool = sources[kind]
        if not pool:
            continue
        for i in range(count):
            stem, text = pool[i % len(pool)]
            name = f"{kind[:3]}{i:06d}-{stem}"[:60]
            text = NAME.sub(f"<name>{name}</name>", text, count=1)
            uuid = "%08x-%04x-4%03x-%04x-%012x" % (
                rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                0x8000 | rng.getrandbits(14), rng.getrandbits(48))
            text = UUID.sub(f"<uuid>{uuid}</uuid>", text, count=1)

            def fresh_mac(m):
                nonlocal mac_serial
                mac_serial += 1
                s = mac_serial
                return f"{m.group(1)}52:54:{(s >> 24) & 255:02x}:{(s >> 16) & 255:02x}:{(s >> 8) & 255:02x}:{s & 255:02x}{m.group(2)}"

            text = MAC.sub(fresh_mac, text)
            if kind == "domain":
                text = IMAGE.sub(lambda m: f"{m.group(1)}{m.group(2)}-{i}{m.group(3)}", text)
            if kind == "network":
                text = BRIDGE.sub(lambda m: f"{m.group(1)}vb{i}{m.group(3)}", text)
            folder = os.path.join(out, kind + "s", f"{i // 1000:03d}")
            if i % 1000 == 0:
                os.makedirs(folder, exist_ok=True)
            data = text.encode("utf-8", errors="surrogateescape")
            with open(os.path.join(folder, name + ".xml"), "wb") as f:
                f.write(data)
            files += 1
            written += len(data)
    print(f"{files} files, {written} bytes")


if __name__ == "__main__":
    main()
