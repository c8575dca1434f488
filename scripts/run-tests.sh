#!/usr/bin/env bash
# Builds once, runs every test project and ends with one line: "tests: N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

dotnet build Outreach.sln -c Release -nologo -v:q || { echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

status=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  # Only projects that contain tests (the shared fixture library has none).
  grep -q 'Microsoft.NET.Test.Sdk' "$project" || continue
  echo "=== $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=1
done

read -r passed failed skipped < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
print(passed, failed, skipped)
PY
)
# A test host that crashed leaves no counters for its tests: never report green then.
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
