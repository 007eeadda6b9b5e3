#!/usr/bin/env bash
# Sets up (idempotent) and runs the workbench on its embedded defaults: a local Qdrant started and
# stopped by the app (storage in .data/qdrant), the bundled corpus indexed when the collection is
# empty, SQLite in .data/workbench.db, served on http://127.0.0.1:5080 in the Production environment.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/setup.sh"

# Environment variables override appsettings.json; unset any of these to point elsewhere.
export Qdrant__Embedded__Enabled="${Qdrant__Embedded__Enabled:-true}"
export Qdrant__Embedded__BinaryPath="${Qdrant__Embedded__BinaryPath:-$root/.tools/qdrant/qdrant}"
export Qdrant__Embedded__StoragePath="${Qdrant__Embedded__StoragePath:-$root/.data/qdrant}"
export Embedding__ModelDirectory="${Embedding__ModelDirectory:-$root/.data/models/arctic-embed-xs}"
export Database__ConnectionString="${Database__ConnectionString:-Data Source=$root/.data/workbench.db}"
export Corpus__Directory="${Corpus__Directory:-$root/corpus}"

# Production (problem details only, no developer exception page) unless a developer asks for
# Development: ASPNETCORE_ENVIRONMENT=Development bash scripts/run.sh. The launch profile is not used.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"

# The first admin's user name is chosen at setup (a known default helps whoever guesses passwords):
# Security__BootstrapAdmin__UserName=NAME, or asked here on a first run from a terminal.
if [[ -z "${Security__BootstrapAdmin__UserName:-}" && -z "${Database__Provider:-}" && ! -e "$root/.data/workbench.db" && -t 0 ]]; then
  read -r -p "run: user name for the first admin account [admin]: " first_admin
  if [[ -n "$first_admin" ]]; then
    export Security__BootstrapAdmin__UserName="$first_admin"
  fi
fi

echo "run: serving ${Urls:-http://127.0.0.1:5080} in $ASPNETCORE_ENVIRONMENT (Ctrl+C stops the app and its Qdrant)"
cd "$root"
exec dotnet run --project "$root/src/Workbench.Web" --no-build --no-launch-profile
