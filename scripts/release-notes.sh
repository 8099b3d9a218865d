#!/usr/bin/env bash
# Prints the CHANGELOG section of VERSION (the lines under "## [VERSION] - YYYY-MM-DD" up to the next "## "
# heading), the GitHub release's notes. Fails when the section is missing, undated or empty: a version bump
# must come with its changelog entry.
# Usage: scripts/release-notes.sh VERSION [CHANGELOG.md]
set -euo pipefail

if [ "$#" -lt 1 ] || [ "$#" -gt 2 ]; then
  echo "usage: $0 VERSION [CHANGELOG.md]" >&2
  exit 2
fi
version="$1"
changelog="${2:-CHANGELOG.md}"
if [ ! -f "$changelog" ]; then
  echo "$changelog: not found" >&2
  exit 1
fi

# awk compares the bracketed version as a string (index), so dots and + in it are not pattern characters.
section="$(awk -v version="$version" '
  /^## / {
    if (found) exit
    if (index($0, "## [" version "]") == 1) { found = 1; heading = $0; next }
  }
  found { print }
  END {
    if (!found) exit 3
    if (heading !~ /^## \[[^]]+\] - [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/) exit 4
  }
' "$changelog")" || status=$?
case "${status:-0}" in
  0) ;;
  3) echo "$changelog has no section \"## [$version] - YYYY-MM-DD\": move the Unreleased entries under it" >&2; exit 1 ;;
  4) echo "$changelog: the section of $version has no release date (\"## [$version] - YYYY-MM-DD\")" >&2; exit 1 ;;
  *) exit "$status" ;;
esac

# Trim the blank lines around the section.
trimmed="$(printf '%s\n' "$section" | sed -e '/./,$!d' | tac | sed -e '/./,$!d' | tac)"
if [ -z "$trimmed" ]; then
  echo "$changelog: the section \"## [$version]\" is empty" >&2
  exit 1
fi
printf '%s\n' "$trimmed"
