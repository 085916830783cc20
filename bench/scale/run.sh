#!/usr/bin/env bash
# Scale benchmark: generates synthetic workspaces of 1,000 / 10,000 / 100,000 domains (plus pools, volumes and
# networks) from the shared corpus with fresh names, UUIDs and MACs (bench/scale/generate.py), then records wall time,
# CPU time and peak RSS (/usr/bin/time -f '%e %U %S %M') of
#   xmllint --noout over the same files (find -print0 | xargs -0, batched), the yardstick
#   virtlint check DIR -f FORMAT=/dev/null --fail-on none, for every output format
# with the published NativeAOT binary, and prints a markdown table. The data is deleted after each size.
#
# Usage: bench/scale/run.sh [SIZE...]        (default: 1000 10000)
# Environment:
#   SKIP_PUBLISH=1   reuse artifacts/bench/aot/virtlint
#   FORMATS="..."    formats to time (default: text concise json sarif github junit gitlab checkstyle rdjsonl)
#   SEED=1           generator seed
#   SCALE_TMP=DIR    where to generate (default: /dev/shm when it exists, else $TMPDIR or /tmp)
#   VIRTLINT_CORPUS  corpus directory (default: ../shared/corpus beside the repository)
set -euo pipefail

cd "$(dirname "$0")/../.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
formats=(${FORMATS:-text concise json sarif github junit gitlab checkstyle rdjsonl})
seed=${SEED:-1}
corpus=${VIRTLINT_CORPUS:-$root/../shared/corpus}
bin=$root/artifacts/bench/aot/virtlint
out=$root/artifacts/bench
if [ -d /dev/shm ] && [ -w /dev/shm ]; then tmp_default=/dev/shm; else tmp_default=${TMPDIR:-/tmp}; fi
scale_tmp=${SCALE_TMP:-$tmp_default}

for tool in xmllint python3 /usr/bin/time; do
  command -v "$tool" > /dev/null 2>&1 || { echo "error: '$tool' is needed (Debian: libxml2-utils, python3, time)" >&2; exit 2; }
done
[ -d "$corpus" ] || { echo "error: no corpus at '$corpus' (VIRTLINT_CORPUS)" >&2; exit 2; }

if [ "${SKIP_PUBLISH:-}" != 1 ]; then
  echo "== dotnet publish src/VirtLint.Cli -c Release -r linux-x64 -o artifacts/bench/aot" >&2
  # PublishAot comes from the project file (see bench/corpus-run.sh); gcc links when clang is missing.
  if ! dotnet publish src/VirtLint.Cli -c Release -r linux-x64 -o artifacts/bench/aot --nologo -v quiet >&2; then
    dotnet publish src/VirtLint.Cli -c Release -r linux-x64 -o artifacts/bench/aot --nologo -v quiet -p:CppCompilerAndLinker=gcc >&2
  fi
fi
[ -x "$bin" ] || { echo "error: $bin is missing (run without SKIP_PUBLISH=1)" >&2; exit 2; }
mkdir -p "$out"

work=$(mktemp -d "$scale_tmp/virtlint-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Runs a command under /usr/bin/time and prints "wall-seconds cpu-seconds peak-KiB"; fails loudly when virtlint fails.
measure() {
  local log=$work/time.log status
  set +e
  /usr/bin/time -o "$log" -f '%e %U %S %M' "$@" > /dev/null 2> "$work/stderr.log"
  status=$?
  set -e
  # virtlint exits 1 on findings only without --fail-on none; xmllint exits non-zero on invalid files (3, 4, ...).
  if [ "$status" -ne 0 ] && [ "$1" = "$bin" ]; then
    echo "error: '$*' exited $status:" >&2
    tail -n 5 "$work/stderr.log" >&2
    exit 1
  fi
  tail -n 1 "$log" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
{
  echo "machine: $(nproc) logical cores${cpu:+, $cpu}; load average $(cut -d' ' -f1-3 /proc/loadavg); $(uname -sr)"
  echo "binary:  $bin ($(( $(stat -c %s "$bin") / 1024 )) KiB); rules: $("$bin" rules --format json | grep -c '"id"') listed"
  echo
  echo "| domains | files | MB | command | wall s | CPU s | peak RSS MiB | wall × xmllint |"
  echo "| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |"
} | tee "$out/scale.md"

for size in "${sizes[@]}"; do
  data=$work/ws-$size
  gen_start=$(date +%s%N)
  python3 bench/scale/generate.py "$corpus" "$data" "$size" --seed="$seed" > /dev/null
  gen_ms=$(( ($(date +%s%N) - gen_start) / 1000000 ))
  files=$(find "$data" -type f -name '*.xml' | wc -l)
  mb=$(du -sb "$data" | awk '{ printf "%.0f", $1 / 1e6 }')
  echo "generated $size domains ($files files, $mb MB) in $gen_ms ms" >&2

  # Warm the page cache so the first command timed does not pay for the disk alone.
  find "$data" -type f -name '*.xml' -print0 | xargs -0 cat > /dev/null

  read -r xt xc xm < <(measure bash -c "find '$data' -type f -name '*.xml' -print0 | xargs -0 xmllint --noout")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$size" "$files" "$mb" 'xmllint --noout (xargs)' "$xt" "$xc" "$(( xm / 1024 ))" "1.00" | tee -a "$out/scale.md"
  for format in "${formats[@]}"; do
    read -r t c m < <(measure "$bin" check "$data" -f "$format=/dev/null" --fail-on none)
    ratio=$(awk -v a="$t" -v b="$xt" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$size" "$files" "$mb" "virtlint check -f $format=/dev/null" "$t" "$c" "$(( m / 1024 ))" "$ratio" | tee -a "$out/scale.md"
  done
  rm -rf "$data"
done
echo >&2
echo "Table in $out/scale.md." >&2
