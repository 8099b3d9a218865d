#!/usr/bin/env bash
# Whether package.json's version changed since BASE (the commit before a push), as GITHUB_OUTPUT lines:
#   version=X.Y.Z     package.json's version now
#   changed=true|false
# A push that edits package.json for anything else (a dependency bump) is no release. Without a BASE (a manual
# run, a new branch: GitHub sends forty zeros) or when BASE had no package.json, the version counts as changed.
# Usage: scripts/release-version.sh [BASE]   (run at the top of the checkout; BASE must have been fetched)
set -euo pipefail

# Node is on every runner and in the project (the machine's node is enough for JSON).
version_of() { node -e 'process.stdout.write(String(JSON.parse(require("fs").readFileSync(0, "utf8")).version ?? ""))'; }

version="$(version_of < package.json)"
if [ -z "$version" ]; then
  echo "package.json has no version" >&2
  exit 1
fi
base="${1:-}"
before=""
if [ -n "$base" ] && ! [[ "$base" =~ ^0+$ ]]; then
  if ! git cat-file -e "$base^{commit}" 2>/dev/null; then
    echo "base commit $base is not in this clone (fetch it first)" >&2
    exit 1
  fi
  before="$(git show "$base:package.json" 2>/dev/null | version_of || true)"
fi

echo "version=$version"
if [ "$before" = "$version" ]; then echo "changed=false"; else echo "changed=true"; fi
