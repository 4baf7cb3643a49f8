#!/usr/bin/env bash
# Installs the command-line tools CI needs besides Node and Java: kcat (publish/consume CloudEvents by hand,
# as department systems would) and docker-compose (validates docker-compose.yml; no engine needed for that).
# Idempotent: installs only what is missing, and runs `apt-get update` at most once.
set -euo pipefail

declare -A package_of=([kcat]=kcat [docker-compose]=docker-compose)

missing=()
for cmd in "${!package_of[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${package_of[$cmd]}")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "ci-deps: kcat and docker-compose already installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ci-deps: must run as root to install: ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
echo "ci-deps: installed ${missing[*]}"
