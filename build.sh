#!/usr/bin/env bash
# Runs a build.cake target: ./build.sh --target=Test  (Build, Test, Examples, Bench, Pack)
set -euo pipefail
cd "$(dirname "$0")"
dotnet tool restore >/dev/null
exec dotnet cake build.cake "$@"
