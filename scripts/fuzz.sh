#!/usr/bin/env bash
# Fuzzes the project JSON loader, the workbook importer and the guideline-reference parser with
# cargo-fuzz (libFuzzer), RUNS executions each (default 1,000,000), starting from the seed
# corpus in tests/fuzz/corpus/. The machine's stable toolchain builds the targets
# (RUSTC_BOOTSTRAP=1 lets it take the -Z flags cargo-fuzz passes). New inputs that widen
# coverage go to target/fuzz-corpus/; a crash is written to tests/fuzz/artifacts/ and must
# become a file in tests/fuzz/regressions/<target>/ (tests/fuzz_corpus.rs replays those).
#   bash scripts/fuzz.sh [target…]      RUNS=… MAX_LEN=… to change the budget
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
export RUSTC_BOOTSTRAP=1
RUNS=${RUNS:-1000000}
targets=("$@")
((${#targets[@]})) || targets=(refs project_json workbook)
for t in "${targets[@]}"; do
  work="target/fuzz-corpus/$t"
  mkdir -p "$work" "tests/fuzz/artifacts/$t"
  case "$t" in
    workbook) max_len=${MAX_LEN:-262144} ;;
    *) max_len=${MAX_LEN:-65536} ;;
  esac
  echo "== fuzz $t: $RUNS runs"
  start=$(date +%s)
  cargo fuzz run --fuzz-dir tests/fuzz --sanitizer none --release "$t" "$work" \
    "tests/fuzz/corpus/$t" -- \
    -runs="$RUNS" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="tests/fuzz/artifacts/$t/" 2>&1 | tee "target/fuzz-$t.log" | grep -E "^(#[0-9]+\s+(DONE|INITED)|stat::|==)|Done [0-9]+ runs|ERROR|panicked" || true
  echo "== fuzz $t: $(( $(date +%s) - start )) s"
  grep -q "Done $RUNS runs" "target/fuzz-$t.log" || { echo "fuzz $t did not finish" >&2; exit 1; }
done
