#!/usr/bin/env bash
# @file scripts/setup.sh
# @brief Installs, with apt-get, the Debian 12 packages Rapporteur needs that are missing. Idempotent.
# Usage: bash scripts/setup.sh               (the packages to build and test Rapporteur)
#        bash scripts/setup.sh PACKAGE...    (these instead: the benchmarks' extra tools)
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libxapian-dev xapian-tools
  libicu-dev
  libboost-program-options-dev
  catch2
  nlohmann-json3-dev
  libfmt-dev
  libcld2-dev
  libjemalloc-dev
  libmd4c-dev
  help2man groff-base
  libzip-dev libxml2-dev pandoc
  zlib1g-dev
  dict-freedict-eng-fra dict-freedict-fra-eng dict-freedict-eng-deu dict-freedict-deu-eng
  dict-freedict-eng-spa dict-freedict-spa-eng dict-freedict-eng-rus dict-freedict-eng-ita
  dict-freedict-ita-eng dict-freedict-eng-por dict-freedict-por-eng dict-freedict-eng-nld
  dict-freedict-nld-eng
  libboost-dev chromium
  libpoppler-private-dev poppler-utils qpdf python3
  texlive-latex-base texlive-latex-recommended texlive-fonts-recommended texlive-lang-french
  clang-15 libfuzzer-15-dev
)
[ $# -eq 0 ] || packages=("$@")

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "setup: must run as root to install packages (or install them yourself)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
