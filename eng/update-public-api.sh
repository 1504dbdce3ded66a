#!/usr/bin/env bash
# Brings the public API baselines (PublicAPI.Shipped.txt / PublicAPI.Unshipped.txt next to each shipped project) up
# to date with the code, from the PublicApiAnalyzers' own findings:
#   RS0016 (public, not recorded)          -> added to PublicAPI.Unshipped.txt
#   RS0017 (recorded, no longer public)    -> removed from PublicAPI.Unshipped.txt, or, when PublicAPI.Shipped.txt
#                                             has it, recorded as `*REMOVED*<entry>` in PublicAPI.Unshipped.txt
# Then builds again to show that the baselines match. Review the diff: it is the change to what users compile against.
#
#   eng/update-public-api.sh          update the Unshipped files
#   eng/update-public-api.sh --ship   afterwards, move everything in the Unshipped files into the Shipped files
#                                     (at a release)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
projects=(
  bridge/Aspire.Hosting.AppleContainer.Bridge/Aspire.Hosting.AppleContainer.Bridge.csproj
  src/Aspire.Hosting.AppleContainer/Aspire.Hosting.AppleContainer.csproj
  src/Tasks/Aspire.Hosting.AppleContainer.Tasks.csproj
)
header='#nullable enable'
ship=false
if [[ "${1:-}" == "--ship" ]]; then
  ship=true
elif [[ $# -gt 0 ]]; then
  echo "usage: $0 [--ship]" >&2
  exit 2
fi

# Rewrites a baseline file as the header followed by its entries, sorted and without duplicates.
normalize() {
  local file="$1" body
  body="$(grep -vxF -- "$header" "$file" | grep -v '^[[:space:]]*$' | LC_ALL=C sort -u || true)"
  {
    echo "$header"
    if [[ -n "$body" ]]; then printf '%s\n' "$body"; fi
  } > "$file"
}

# Deletes the line that is exactly $2 from file $1.
remove_line() {
  local file="$1" line="$2" tmp
  tmp="$(mktemp)"
  grep -vxF -- "$line" "$file" > "$tmp" || true
  mv "$tmp" "$file"
}

# Applies the RS0016/RS0017 findings of one build; prints how many it applied.
apply_findings() {
  local log="$1" applied=0 line dir symbol file
  while IFS= read -r line; do
    symbol="${line#*Symbol \'}"
    if [[ "$line" == *"error RS0016:"* || "$line" == *"warning RS0016:"* ]]; then
      symbol="${symbol%%\' is not part of the declared public API*}"
      dir="$(dirname "${line##*[}")"
      dir="${dir%]}"
      echo "$symbol" >> "$dir/PublicAPI.Unshipped.txt"
      applied=$((applied + 1))
    elif [[ "$line" == *" RS0017:"* ]]; then
      symbol="${symbol%%\' is part of the declared API*}"
      file="${line%%(*}"
      dir="$(dirname "$file")"
      if [[ "$file" == *PublicAPI.Shipped.txt ]]; then
        echo "*REMOVED*$symbol" >> "$dir/PublicAPI.Unshipped.txt"
      else
        remove_line "$file" "$symbol"
      fi
      applied=$((applied + 1))
    fi
  done < <(grep -E ' (error|warning) RS001[67]: ' "$log" | sort -u)
  echo "$applied"
}

cd "$root"
for project in "${projects[@]}"; do
  dir="$(dirname "$project")"
  for kind in Shipped Unshipped; do
    [[ -f "$dir/PublicAPI.$kind.txt" ]] || echo "$header" > "$dir/PublicAPI.$kind.txt"
  done
done

if [[ "$ship" == false ]]; then
  log="$(mktemp)"
  trap 'rm -f "$log"' EXIT
  for project in "${projects[@]}"; do
    # A full compile (no incremental skip) with the findings as warnings, so that every project reports them even
    # when a project it references has findings of its own.
    dotnet build "$project" --no-incremental -nologo -v q -tl:off -clp:NoSummary \
      -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= > "$log" 2>&1 || true
    echo "$project: $(apply_findings "$log") change(s)"
  done
  for project in "${projects[@]}"; do
    normalize "$(dirname "$project")/PublicAPI.Unshipped.txt"
  done
else
  for project in "${projects[@]}"; do
    dir="$(dirname "$project")"
    shipped="$dir/PublicAPI.Shipped.txt"
    unshipped="$dir/PublicAPI.Unshipped.txt"
    while IFS= read -r entry; do
      if [[ "$entry" == '*REMOVED*'* ]]; then
        remove_line "$shipped" "${entry#\*REMOVED\*}"
      elif [[ -n "$entry" ]]; then
        echo "$entry" >> "$shipped"
      fi
    done < <(grep -vxF -- "$header" "$unshipped" || true)
    echo "$header" > "$unshipped"
    normalize "$shipped"
    echo "$project: shipped"
  done
fi

# The check itself: an ordinary build fails on any difference left.
for project in "${projects[@]}"; do
  dotnet build "$project" -nologo -v q -tl:off -clp:NoSummary
done
echo "Public API baselines are up to date."
