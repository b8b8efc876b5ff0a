#!/usr/bin/env bash
# Runs the Cake build (build/build.cake) with the pinned local tools. Arguments pass through:
#   ./build.sh                  restore, build, test, pack, emit the pipeline templates
#   ./build.sh --target Test    run the tests
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
exec dotnet cake build/build.cake "$@"
