#!/usr/bin/env bash
# Sets up (idempotent: Qdrant, the embedding model, Debian's chromium and postgresql) and runs every
# test project. Each test run starts its own Qdrant and PostgreSQL on free ports with temporary folders.
# Ends with a line "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash "$root/scripts/setup.sh" --browser --postgres || { echo "0 passed, 1 failed"; exit 1; }

results="$root/artifacts/test-results/trx"
rm -rf "$results"
mkdir -p "$results"

# Tags the PostgreSQL folders of this run (see PostgresFixture), so the clean-up below leaves other runs' servers alone.
export WORKBENCH_TEST_RUN="run$$"
dotnet test "$root/Workbench.sln" --no-build --logger trx --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
status=$?

# A test host that crashed cannot stop the Qdrant or PostgreSQL it started; none may outlive the run.
tmp="${TMPDIR:-/tmp}"
for pid in $(pgrep -f "$root/.tools/qdrant/qdrant" || true); do
  case "$(readlink "/proc/$pid/cwd" 2>/dev/null)" in
    "${tmp%/}"/workbench-qdrant-*) kill "$pid" 2>/dev/null || true ;;
  esac
done
pkill -INT -f -- "-D ${tmp%/}/workbench-pg-$WORKBENCH_TEST_RUN-" 2>/dev/null || true

passed=0
failed=0
for trx in "$results"/*.trx; do
  [[ -e "$trx" ]] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx")"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  name="$(grep -o 'storage="[^"]*"' "$trx" | head -1 | sed 's/.*\///; s/\.dll"//')"
  echo "  ${name:-$(basename "$trx")}: ${p:-0} passed, ${f:-0} failed"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

if [[ $status -ne 0 && $failed -eq 0 ]]; then
  # The build or a test host failed without reporting a failed test: still a failure.
  failed=1
fi
echo "Screenshots of the browser tests: artifacts/test-results/e2e/"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
