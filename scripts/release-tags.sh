#!/usr/bin/env bash
# The tags a release of VERSION makes, as GITHUB_OUTPUT lines:
#   tag=vX.Y.Z         the release's own tag, never moved
#   major_tag=vX       the moving major tag workflows pin (uses: anomstack/anomstack-action@vX); empty for a
#                      prerelease (X.Y.Z-rc.1), so @vX never points at an untested build
#   prerelease=true|false
# Usage: scripts/release-tags.sh VERSION   (VERSION as package.json has it, without a leading v)
set -euo pipefail

if [ "$#" -ne 1 ]; then
  echo "usage: $0 VERSION (e.g. 1.2.3, as package.json's version)" >&2
  exit 2
fi
version="$1"
# Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH, numbers without leading zeros, optional -prerelease and +build.
number='(0|[1-9][0-9]*)'
identifier='[0-9A-Za-z-]+'
if ! [[ "$version" =~ ^$number\.$number\.$number(-$identifier(\.$identifier)*)?(\+$identifier(\.$identifier)*)?$ ]]; then
  echo "package.json version \"$version\" is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.3 or 1.3.0-rc.1)" >&2
  exit 1
fi
major="${BASH_REMATCH[1]}"

echo "tag=v$version"
if [[ "$version" == *-* ]]; then
  echo "major_tag="
  echo "prerelease=true"
else
  echo "major_tag=v$major"
  echo "prerelease=false"
fi
