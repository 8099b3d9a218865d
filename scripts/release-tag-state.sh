#!/usr/bin/env bash
# Where the release tag TAG already points on REMOTE, as a GITHUB_OUTPUT line, so the release workflow is safe to
# re-run:
#   tag_state=absent      no such tag: tag COMMIT and release it
#   tag_state=here        TAG is on COMMIT already (a re-run of this release): finish what is missing
#   tag_state=elsewhere   TAG names another commit (an earlier release): change nothing, a release tag never moves
# Usage: scripts/release-tag-state.sh TAG COMMIT [REMOTE]   (REMOTE defaults to origin)
set -euo pipefail

if [ "$#" -lt 2 ] || [ "$#" -gt 3 ]; then
  echo "usage: $0 TAG COMMIT [REMOTE]" >&2
  exit 2
fi
tag="$1"
commit="$2"
remote="${3:-origin}"

# An annotated tag is listed twice: the tag object, then "^{}" with the commit it points at; that one wins.
status=0
refs="$(git ls-remote --exit-code --tags "$remote" "refs/tags/$tag" "refs/tags/$tag^{}")" || status=$?
if [ "$status" -eq 2 ]; then
  echo "tag_state=absent"
  exit 0
elif [ "$status" -ne 0 ]; then
  echo "cannot list the tags of $remote (git ls-remote exit code $status)" >&2
  exit "$status"
fi
tagged="$(printf '%s\n' "$refs" | awk -v tag="refs/tags/$tag" '$2 == tag { sha = $1 } $2 == tag "^{}" { peeled = $1 } END { print (peeled != "" ? peeled : sha) }')"
if [ "$tagged" = "$commit" ]; then
  echo "tag_state=here"
else
  echo "tag_state=elsewhere"
  echo "$tag already names $tagged, not $commit: bump package.json's version to release this commit" >&2
fi
