#!/usr/bin/env bash
# Ships the connector to a hub without rebuilding the hub: publishes the plugin and its fake into the hub's
# plugins folder, each in a sub-folder of its own, and prints the settings the hub needs to load them: both on the
# allow list (a plugin not on it stops the hub at start), and the capability served by this connector.
#   bash deploy.sh <hub's plugins folder> [first free Plugins:Allowed index, default 0]
set -euo pipefail
cd "$(dirname "$0")"
plugins=${1:?usage: bash deploy.sh <hub plugins folder> [first free Plugins:Allowed index]}
first=${2:-0}
for project in PartnerName.Connector PartnerName.Connector.Fake; do
  rm -rf "${plugins:?}/$project"
  dotnet publish "src/$project" -c Release -o "$plugins/$project" -nologo -v quiet
done
echo "Deployed PartnerName.Connector and PartnerName.Connector.Fake into $plugins."
echo "Add to the hub's configuration (appsettings.json, --Key=Value, or environment as Plugins__Allowed__0__Name)"
echo "and restart it:"
echo "Plugins:Allowed:$first:Name=PartnerName.Connector"
echo "Plugins:Allowed:$((first + 1)):Name=PartnerName.Connector.Fake"
echo "Capabilities:INTEGRATIONHUB_CAPABILITY_SECTION:Connector=PartnerName"
