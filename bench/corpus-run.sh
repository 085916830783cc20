#!/usr/bin/env bash
# Whole-process benchmark of the virtlint command: publishes the CLI twice (framework-dependent JIT and NativeAOT),
# then times
#   virtlint check CORPUS --format sarif --output /dev/null --fail-on none     (throughput: ~760 real libvirt files)
#   virtlint check SMALL_FILE --format sarif --output /dev/null --fail-on none (start-up: what a pre-commit hook pays)
# and prints mean, min and max wall time for each. Uses hyperfine when installed, else a bash loop over `date +%s%N`.
#
# Usage: bench/corpus-run.sh [RUNS]
# Environment:
#   RUNS=10            timed runs per command (or the first argument)
#   WARMUP=2           untimed runs before the timed ones
#   VIRTLINT_CORPUS    corpus directory (default: ../shared/corpus beside the repository)
#   SMALL_FILE         the single file for the start-up measurement (default: examples/domains/web01.xml)
#   SKIP_PUBLISH=1     reuse artifacts/bench/cli and artifacts/bench/aot from an earlier run
#   SKIP_AOT=1         do not publish or time the NativeAOT binary
#   NO_HYPERFINE=1     use the bash loop even when hyperfine is installed
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
if [ ! -f "$root/VirtLint.sln" ]; then
  echo "error: $root does not hold VirtLint.sln" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

runs=${1:-${RUNS:-10}}
warmup=${WARMUP:-2}
corpus=${VIRTLINT_CORPUS:-$root/../shared/corpus}
small=${SMALL_FILE:-examples/domains/web01.xml}
out=artifacts/bench
jit_dir=$out/cli
aot_dir=$out/aot

if [ ! -d "$corpus" ]; then
  echo "error: no corpus at '$corpus': set VIRTLINT_CORPUS or provide ../shared/corpus beside the repository" >&2
  exit 2
fi
if [ ! -f "$small" ]; then
  echo "error: no such file '$small' (SMALL_FILE)" >&2
  exit 2
fi
corpus=$(cd "$corpus" && pwd)
mkdir -p "$out"

# --- publish -------------------------------------------------------------------------------------------------------
aot=yes
[ "${SKIP_AOT:-}" = 1 ] && aot=no

if [ "${SKIP_PUBLISH:-}" != 1 ]; then
  echo "== dotnet publish (JIT, framework-dependent) -> $jit_dir"
  # The CLI project sets PublishAot=true; turn it off here to get the JIT build.
  dotnet publish src/VirtLint.Cli -c Release -o "$jit_dir" -p:PublishAot=false --nologo -v quiet

  if [ "$aot" = yes ]; then
    echo "== dotnet publish (NativeAOT, linux-x64) -> $aot_dir"
    # PublishAot comes from the project file: passing -p:PublishAot=true on the command line would also apply it to
    # the netstandard2.0 source generator, which fails with NETSDK1207.
    aot_args=(src/VirtLint.Cli -c Release -r linux-x64 -o "$aot_dir" --nologo -v quiet)
    if ! dotnet publish "${aot_args[@]}"; then
      if ! command -v clang > /dev/null 2>&1 && command -v gcc > /dev/null 2>&1; then
        echo "== NativeAOT publish failed without clang; retrying with gcc as the linker"
        dotnet publish "${aot_args[@]}" -p:CppCompilerAndLinker=gcc || aot=no
      else
        aot=no
      fi
      [ "$aot" = no ] && echo "warning: NativeAOT publish failed; timing the JIT build only" >&2
    fi
  fi
fi

jit_bin=$jit_dir/virtlint
aot_bin=$aot_dir/virtlint
if [ ! -x "$jit_bin" ]; then
  echo "error: $jit_bin is missing (run without SKIP_PUBLISH=1)" >&2
  exit 2
fi
if [ "$aot" = yes ] && [ ! -x "$aot_bin" ]; then
  echo "warning: $aot_bin is missing; timing the JIT build only" >&2
  aot=no
fi

binaries=("$jit_bin")
names=("jit: $jit_bin")
if [ "$aot" = yes ]; then
  binaries+=("$aot_bin")
  names+=("aot: $aot_bin")
fi

# --- machine and input ---------------------------------------------------------------------------------------------
files=$(find "$corpus" -type f -iname '*.xml' | wc -l)
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
echo
echo "machine: $(nproc) logical cores${cpu:+, $cpu}; $(uname -sr)"
echo "corpus:  $corpus ($files *.xml files)"
echo "small:   $small"
echo "runs:    $runs (+ $warmup warm-up)"
for bin in "${binaries[@]}"; do
  printf 'binary:  %s (%s KiB)\n' "$bin" "$(( $(stat -c %s "$bin") / 1024 ))"
done

# Refuse to time a command that fails: exit 0 is expected with --fail-on none.
for bin in "${binaries[@]}"; do
  for input in "$corpus" "$small"; do
    if ! "$bin" check "$input" --format sarif --output /dev/null --fail-on none; then
      echo "error: '$bin check $input' failed; fix that before timing it" >&2
      exit 1
    fi
  done
done

# --- timing --------------------------------------------------------------------------------------------------------
# Prints "label  mean  min  max" in milliseconds for one command, timed with date +%s%N.
time_loop() {
  local label=$1
  shift
  local i start end
  local -a samples=()
  for ((i = 0; i < warmup; i++)); do "$@" > /dev/null; done
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    samples+=("$(( end - start ))")
  done
  printf '%s\n' "${samples[@]}" | awk -v label="$label" '
    { ns = $1; sum += ns; if (NR == 1 || ns < min) min = ns; if (NR == 1 || ns > max) max = ns }
    END { printf "| %-40s | %10.1f | %10.1f | %10.1f |\n", label, sum / NR / 1e6, min / 1e6, max / 1e6 }'
}

# One table per input: every binary against it.
measure() {
  local title=$1 input=$2 slug=$3
  local i
  echo
  echo "== $title"
  if command -v hyperfine > /dev/null 2>&1 && [ "${NO_HYPERFINE:-}" != 1 ]; then
    local -a commands=()
    for i in "${!binaries[@]}"; do
      commands+=(--command-name "${names[$i]}" "${binaries[$i]} check '$input' --format sarif --output /dev/null --fail-on none")
    done
    hyperfine --warmup "$warmup" --runs "$runs" --style basic \
      --export-json "$out/$slug.json" --export-markdown "$out/$slug.md" "${commands[@]}"
    echo
    cat "$out/$slug.md"
  else
    echo "| command                                  |  mean [ms] |   min [ms] |   max [ms] |"
    echo "|:-----------------------------------------|-----------:|-----------:|-----------:|"
    for i in "${!binaries[@]}"; do
      time_loop "${names[$i]}" "${binaries[$i]}" check "$input" --format sarif --output /dev/null --fail-on none
    done | tee "$out/$slug.md"
  fi
}

measure "whole corpus ($files files), SARIF to /dev/null" "$corpus" corpus
measure "one small file (start-up), SARIF to /dev/null" "$small" single-file

echo
echo "Results in $out/corpus.md and $out/single-file.md."
