#!/usr/bin/env bash
# Packs what partners build against into a folder feed: IntegrationHub.Contracts, .Sdk, .Sdk.TestKit and
# .Sdk.FakeKit (each with its .snupkg symbols), and the IntegrationHub.Templates template pack.
#   bash pack.sh <folder>      (default: artifacts/packages)
# A partner's nuget.config points at that folder (plus nuget.org for third-party packages).
set -euo pipefail
cd "$(dirname "$0")"
feed=$(mkdir -p "${1:-artifacts/packages}" && cd "${1:-artifacts/packages}" && pwd)
for project in src/IntegrationHub.Contracts src/IntegrationHub.Sdk src/IntegrationHub.Sdk.TestKit \
  src/IntegrationHub.Sdk.FakeKit templates/IntegrationHub.Templates; do
  dotnet pack "$project" -c Release -o "$feed" -nologo -v quiet
done
ls "$feed"
