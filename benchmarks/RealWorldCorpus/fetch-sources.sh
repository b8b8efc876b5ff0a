#!/usr/bin/env bash
# Brings every repository named in labels.tsv to DIR/owner/name at its pinned commit, and writes the commit to
# DIR/owner/name/.corpus-commit (the runner checks it). Nothing third-party is kept in this repository.
# Usage: benchmarks/RealWorldCorpus/fetch-sources.sh DIR
set -euo pipefail
dir=${1:?usage: fetch-sources.sh DIR}
labels="$(dirname "$0")/labels.tsv"
tail -n +2 "$labels" | grep -v '^#' | cut -f1,2 | sort -u | while IFS=$'\t' read -r repo commit; do
  target="$dir/$repo"
  if [ -f "$target/.corpus-commit" ] && [ "$(cat "$target/.corpus-commit")" = "$commit" ]; then continue; fi
  rm -rf "$target"
  mkdir -p "$target"
  git -C "$target" init -q
  git -C "$target" fetch -q --depth 1 --filter=blob:limit=1m "https://github.com/$repo.git" "$commit"
  git -C "$target" -c advice.detachedHead=false checkout -q FETCH_HEAD
  echo "$commit" > "$target/.corpus-commit"
  echo "$repo@$commit"
done
