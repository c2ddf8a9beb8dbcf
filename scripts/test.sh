#!/usr/bin/env bash
# Runs every test: starts RabbitMQ, PostgreSQL and the SMTP sink (or uses CARTRECOVERY_* from the environment),
# builds with warnings as errors, runs the whole suite, then the quick fault subset (bench/CartRecovery.FaultRunner).
# Extra arguments go to dotnet test (e.g. --filter).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

bash scripts/services.sh up
while IFS= read -r kv; do
  [ -n "$kv" ] && export "${kv?}"
done < .services/services.env

dotnet build CartRecovery.sln -c Release --nologo -warnaserror
set +e
dotnet test CartRecovery.sln -c Release --no-build --nologo --logger "console;verbosity=normal" "$@" \
  | tee .services/test-output.log
status=${PIPESTATUS[0]}
set -e

# The quick fault subset (F3 kill -9, F4 duplicates, F8 unsubscribe and erasure) on the built service: exit code 1
# on any lost, duplicated or unexpected email, or a fault that cannot be shown to have happened.
set +e
dotnet bench/CartRecovery.FaultRunner/bin/Release/net10.0/CartRecovery.FaultRunner.dll --quick
faults=$?
set -e

# One closing line that any CI reads: totals across every test project.
passed=$(awk '/^ +Passed: +[0-9]+/ {s+=$2} END {print s+0}' .services/test-output.log)
failed=$(awk '/^ +Failed: +[0-9]+/ {s+=$2} END {print s+0}' .services/test-output.log)
echo "${passed} passed, ${failed} failed; fault subset $([ "$faults" -eq 0 ] && echo passed || echo FAILED)"
[ "$status" -ne 0 ] && exit "$status"
exit "$faults"
