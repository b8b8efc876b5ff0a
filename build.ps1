#!/usr/bin/env pwsh
# Runs the Cake build (build/build.cake) with the pinned local tools. Arguments pass through:
#   ./build.ps1                  restore, build, test, pack, emit the pipeline templates
#   ./build.ps1 --target Test    run the tests
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
dotnet tool restore | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
dotnet cake build/build.cake @args
exit $LASTEXITCODE
