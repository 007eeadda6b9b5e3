#!/usr/bin/env bash
# Sets up (idempotent) and runs the workbench on its embedded defaults: a local Qdrant started and
# stopped by the app (storage in .data/qdrant), the bundled corpus indexed when the collection is
# empty, SQLite in .data/workbench.db, served on http://127.0.0.1:5080.
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

echo "run: serving http://127.0.0.1:5080 (Ctrl+C stops the app and its Qdrant)"
cd "$root"
exec dotnet run --project "$root/src/Workbench.Web" --no-build
