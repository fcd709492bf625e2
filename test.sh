#!/usr/bin/env bash
# The whole test suite, from a fresh machine with only the .NET SDK: installs what the tests
# need (PostgreSQL server binaries, redis-server, Debian's chromium, python3-grpcio, jq), builds
# with warnings as errors, runs every test beside a sandbox hub on the default ports (when
# they are free), runs the tests that touch time again with the test clock at four awkward dates, cleans up, and ends with
# one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
repo=$(pwd)
log_dir=$(mktemp -d)
touch "$log_dir/started"
hub_pid=""
cleanup() {
  [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null
  # Hub processes a test started from this checkout and could not stop (a runner killed mid-test): none outlive us.
  pkill -9 -f "$repo/(tests|bench)/[^ ]*/IntegrationHub.Host.dll" 2>/dev/null
  # The SQLite files and policy files the tests made in the temp folder (after we started).
  find "${TMPDIR:-/tmp}" -maxdepth 1 -newer "$log_dir/started" \( -name 'hub-*.db*' -o -name 'hub-policy-*' \) \
    -exec rm -rf {} + 2>/dev/null
  rm -rf "$log_dir"
  # Private PostgreSQL clusters the tests started: stop any still running, remove their folders.
  for dir in /tmp/hub-pg-*; do
    [ -d "$dir" ] || continue
    if [ -f "$dir/postmaster.pid" ]; then
      runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | tail -n 1)/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
  done
}
trap cleanup EXIT

step() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
install() {
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq && as_root apt-get install -y -qq "$@" >/dev/null
}
give_up() { echo "$1"; echo "0 passed, 1 failed"; exit 1; }

step "PostgreSQL server binaries (the storage and multi-instance tests start their own private cluster)"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || install postgresql || give_up "could not install postgresql"
ls -d /usr/lib/postgresql/*/bin

step "redis-server (the shared-cache tests and the bench start their own on a private port; the service is not used)"
if [ ! -x /usr/bin/redis-server ]; then
  install redis-server || give_up "could not install redis-server"
  # The package may start its service on 6379: the tests never use it.
  as_root service redis-server stop >/dev/null 2>&1 || true
fi
/usr/bin/redis-server --version

step "chromium (the dashboard tests drive Debian's headless browser)"
command -v chromium >/dev/null 2>&1 || install chromium || give_up "could not install chromium"
chromium --version

step "Debian's python3-grpcio and python3-grpc-tools (the Python remote connector sample in samples/python-enrichment)"
/usr/bin/python3 -c "import grpc, grpc_tools" 2>/dev/null || install python3-grpcio python3-grpc-tools \
  || give_up "could not install python3-grpcio python3-grpc-tools"
/usr/bin/python3 -c "import grpc; print('python3-grpcio', grpc.__version__)"

step "jq (the README's walk-through, docs/walkthrough.sh, reads the hub's answers with it)"
command -v jq >/dev/null 2>&1 || install jq || give_up "could not install jq"
jq --version

step "build (warnings are errors)"
dotnet build IntegrationHub.sln -c Debug -nologo -v minimal > "$log_dir/build.log" 2>&1
build=$?
grep -E "error|warn" "$log_dir/build.log" | grep -v NU1603
[ "$build" -eq 0 ] || give_up "build failed"

step "packages: bash pack.sh (the folder feed partners build against; the partner test builds from it)"
bash pack.sh "$log_dir/packages" > "$log_dir/pack.log" 2>&1 || { tail -n 30 "$log_dir/pack.log"; give_up "pack failed"; }
ls "$log_dir/packages"
export INTEGRATIONHUB_PACKAGES="$log_dir/packages"

step "a sandbox hub on the default ports, as a developer following the README has (tests must not need them)"
if (exec 3<>/dev/tcp/127.0.0.1/5080) 2>/dev/null; then
  echo "something already listens on 127.0.0.1:5080; the tests run beside it"
else
  (cd src/IntegrationHub.Host && exec dotnet bin/Debug/net10.0/IntegrationHub.Host.dll \
    "--Storage:Sqlite:Path=$log_dir/sandbox-hub.db" > "$log_dir/sandbox-hub.log" 2>&1) &
  hub_pid=$!
  for _ in $(seq 1 60); do (exec 3<>/dev/tcp/127.0.0.1/5080) 2>/dev/null && break; sleep 1; done
  (exec 3<>/dev/tcp/127.0.0.1/5080) 2>/dev/null && echo "sandbox hub listening on 127.0.0.1:5080 and :5081" \
    || { tail -n 20 "$log_dir/sandbox-hub.log"; give_up "the sandbox hub did not start"; }
fi

# A test that waits for something that never comes is stopped after fifteen minutes without finishing and
# named in the output as the one running, instead of holding the whole run until CI gives up.
no_hang=(--blame-hang-timeout 15m --blame-hang-dump-type none)

step "tests: dotnet test IntegrationHub.sln"
dotnet test IntegrationHub.sln --no-build -nologo "${no_hang[@]}" 2>&1 | tee "$log_dir/test.log"
status=${PIPESTATUS[0]}

# The tests whose answers depend on the date: routing, leads, conversations, timers, presence,
# sandbox seeding, connectors' token lifetimes and quotas, storage schedules.
time_filter='FullyQualifiedName~IntegrationHub.Routing.Tests|FullyQualifiedName~IntegrationHub.Connectors.'
time_filter+='|FullyQualifiedName~IntegrationHub.Storage.Tests.SqliteStorageTests|FullyQualifiedName~IntegrationHub.Storage.Tests.PostgresStorageTests'
time_filter+='|FullyQualifiedName~IntegrationHub.Storage.Tests.OutboxDispatcherTests'
time_filter+='|FullyQualifiedName~Server.Tests.Routing.|FullyQualifiedName~Server.Tests.Leads.|FullyQualifiedName~Server.Tests.Sandbox.'
time_filter+='|FullyQualifiedName~Server.Tests.Capabilities.CapabilityServiceTests'
for date in "2026-12-05T23:00:00Z a Saturday night" "2026-03-08T06:59:00Z a minute before New York springs forward" \
            "2026-12-31T23:59:00Z New Year's Eve" "2028-02-29T12:00:00Z a leap day"; do
  at=${date%% *}
  step "tests that touch time, with HUB_TEST_CLOCK=$at (${date#* })"
  HUB_TEST_CLOCK=$at dotnet test IntegrationHub.sln --no-build -nologo --filter "$time_filter" "${no_hang[@]}" 2>&1 \
    | tee -a "$log_dir/test.log" | grep --line-buffered -E "^(Passed|Failed)!|\[FAIL\]|aborted|running when"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

read -r passed failed < <(awk '/^(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1) }
  } END { print p + 0, f + 0 }' "$log_dir/test.log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo
echo "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
