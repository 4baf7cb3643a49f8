#!/usr/bin/env bash
# Installs what CI needs besides Node and Java: kcat (publish/consume CloudEvents by hand, as department systems
# would), docker-compose (validates docker-compose.yml; no engine needed for that), and for the console's browser
# tests Debian's chromium (driven by playwright-core) with a CJK font (without one, Chinese renders as empty boxes).
# Idempotent: installs only what is missing, and runs `apt-get update` at most once.
set -euo pipefail

declare -A package_of=([kcat]=kcat [docker-compose]=docker-compose [chromium]=chromium)

missing=()
for cmd in "${!package_of[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${package_of[$cmd]}")
done
# A font is no command: ask dpkg.
dpkg-query -W -f='${Status}' fonts-wqy-zenhei 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-wqy-zenhei)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "ci-deps: kcat, docker-compose, chromium and fonts-wqy-zenhei already installed"
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
