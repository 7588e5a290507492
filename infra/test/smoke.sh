#!/usr/bin/env bash
# Smoke test of the docker compose stack without Docker:
#
#   bash infra/test/smoke.sh
#
# 1. Replays infra/server.Dockerfile into a directory (dockerfile-dry-run.mjs) and checks the
#    image layout: server dist, seed text, @fundtrace/schema, explorer dist, generator, no sources.
# 2. Runs the command lines of infra/docker-compose.yml, read from it with compose-get.mjs so
#    they cannot drift, in the image's WORKDIR with the image's ENV and the service's
#    environment, against a fresh database on the local PostgreSQL (DATABASE_URL is the one
#    thing replaced: the `postgres` host exists only inside Docker's network). As root they
#    run as `nobody`, so the code must not need to write into the image (USER node there).
#    - postgres: its healthcheck (pg_isready);
#    - server: its command, three replicas at once on one empty database, as
#      `up --scale server=3` starts them; then its healthcheck command (0 when ready, 1 when
#      nothing answers), GraphQL, the explorer at /;
#    - seed: its command with SEED_COHORTS=200 SEED_YEARS=2017 (the compose defaults are the
#      national data set), then again: the second run must refuse;
#    - proxy: its nginx template rendered as the nginx image does, served by a real nginx
#      (NGINX_BIN, or `nginx` on PATH; skipped with a warning when there is none), in front
#      of a replica: /readyz, GraphQL and the explorer through it, a live update (SSE) through
#      it, and /metrics kept from it;
#    - SIGTERM stops each server replica cleanly (the command `exec`s node).
# 3. Drops the database and removes its files (SMOKE_KEEP=1 keeps the files).
#
# Settings: CI_PG_HOST (127.0.0.1), CI_PG_PORT (5432), CI_PG_ADMIN_DB (test), NGINX_BIN.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

PG_HOST=${CI_PG_HOST:-127.0.0.1}
PG_PORT=${CI_PG_PORT:-5432}
PG_ADMIN_DB=${CI_PG_ADMIN_DB:-test}
SEED_TEST_ENV=(SEED_COHORTS=200 SEED_YEARS=2017)
# Stand-ins for the secrets of infra/.env, so that ${POSTGRES_PASSWORD:?…} interpolates.
SMOKE_ADMIN_TOKEN=smoke-admin-token-0123456789abcdef
COMPOSE_TEST_ENV=(POSTGRES_PASSWORD=smoke-password "ADMIN_TOKEN=$SMOKE_ADMIN_TOKEN")

started=$SECONDS
passed=0
failed=0
work=$(mktemp -d /tmp/fundtrace-smoke.XXXXXX)
chmod 755 "$work"
db=''
pg_role=''
pids=()
run=()

step() { printf '\n---- %s  [%ds]\n' "$1" "$((SECONDS - started))"; }
ok() {
  passed=$((passed + 1))
  printf '  ✓ %s\n' "$1"
}
fail() {
  failed=$((failed + 1))
  printf '  ✗ %s\n' "$1" >&2
}
# expect "description" command…: a check that must exit 0.
expect() {
  local what=$1
  shift
  if "$@"; then ok "$what"; else fail "$what"; fi
}

cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n $db ]]; then
    psql -h "$PG_HOST" -p "$PG_PORT" -U "$pg_role" -d "$PG_ADMIN_DB" -qtA -v ON_ERROR_STOP=1 \
      -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null ||
      echo "warning: could not drop database $db" >&2
  fi
  if [[ ${SMOKE_KEEP:-} == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
  exit "$rc"
}
trap cleanup EXIT

# A command as the container runs it: in the image's WORKDIR, with only the image's ENV and
# the service's environment (plus PATH to find sh and node), as nobody when we are root.
# `in_container SERVICE [KEY=VALUE…] COMMAND…` sets the array run to that command line; run
# it with "${run[@]}", so that a background one is that process itself (SIGTERM reaches it).
in_container() {
  local service=$1
  shift
  local -a service_env=() user=()
  mapfile -d '' -t service_env < <(
    env "${COMPOSE_TEST_ENV[@]}" node infra/test/compose-get.mjs environment "$service"
  )
  if [[ $EUID -eq 0 ]]; then user=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
  run=("${user[@]}" env -i -C "$app" PATH="$PATH" HOME="$work/home" "${image_env[@]}"
    "${service_env[@]}" DATABASE_URL="$database_url" "$@")
}
compose_argv() { # compose_argv VAR command|healthcheck SERVICE [KEY=VALUE…]: into array VAR
  local -n into=$1
  mapfile -d '' -t into < <(env "${COMPOSE_TEST_ENV[@]}" "${@:4}" node infra/test/compose-get.mjs "$2" "$3")
  [[ ${#into[@]} -gt 0 ]]
}
# Free ports, all held open at once so that no two are alike (one at a time, the OS may hand
# out a port again once it is closed: a replica's metrics port once took another's HTTP port).
# Taken in turn with ${free[next++]}, in this shell.
read -r -a free <<<"$(node -e '
  const net = require("net");
  const servers = Array.from({ length: 10 }, () => net.createServer().listen(0, "127.0.0.1"));
  Promise.all(servers.map((s) => new Promise((r) => s.on("listening", r)))).then(() => {
    console.log(servers.map((s) => s.address().port).join(" "));
    for (const s of servers) s.close();
  });')"
next=0
gql() { node infra/test/request.mjs "http://127.0.0.1:$1/graphql" "$2"; }

# ---------------------------------------------------------------------------------------
step 'image: replay infra/server.Dockerfile (infra/test/dockerfile-dry-run.mjs)'
if ! node infra/test/dockerfile-dry-run.mjs --out "$work/image" >"$work/image.json" 2>"$work/dry-run.log"; then
  tail -n 40 "$work/dry-run.log" >&2
  fail 'the Dockerfile replays'
  exit 1
fi
ok "the Dockerfile replays ($(grep -c '^\[dry-run\] RUN' "$work/dry-run.log") RUN steps; log lines: $(wc -l <"$work/dry-run.log"))"
app=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).workdir' "$work/image.json")
# shellcheck disable=SC2016 # JavaScript, not shell
mapfile -d '' -t image_env < <(node -e '
  const image = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const [k, v] of Object.entries(image.env)) process.stdout.write(`${k}=${v}\0`);' "$work/image.json")
echo "  image WORKDIR: $app; ENV: ${image_env[*]}"
expect 'the image runs as user node' \
  test "$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).user' "$work/image.json")" = node
for path in apps/server/dist/index.js apps/server/dist/cli.js packages/generator/dist/generate-cli.js \
  apps/server/seed/000_867cd5e4b4a510ec.txt apps/server/package.json \
  apps/server/node_modules/@fundtrace/schema/dist/money.js apps/explorer/dist/index.html; do
  expect "the image holds $path" test -e "$app/$path"
done
for path in apps/server/src apps/server/dist/test apps/server/node_modules/vitest \
  apps/server/node_modules/tsx packages/schema packages/generator/src; do
  expect "the image leaves out $path" test ! -e "$app/$path"
done
echo "  image size: $(du -sh "$app" | cut -f1)"

# ---------------------------------------------------------------------------------------
step 'database: a fresh one on the local PostgreSQL'
for role in postgres root; do
  if psql -h "$PG_HOST" -p "$PG_PORT" -U "$role" -d "$PG_ADMIN_DB" -tAq -c 'select 1' >/dev/null 2>&1; then
    pg_role=$role
    break
  fi
done
if [[ -z $pg_role ]]; then
  echo "error: cannot connect to PostgreSQL at $PG_HOST:$PG_PORT/$PG_ADMIN_DB as postgres or root" >&2
  exit 1
fi
db="fundtrace_smoke_$(date +%s)_${RANDOM}"
psql -h "$PG_HOST" -p "$PG_PORT" -U "$pg_role" -d "$PG_ADMIN_DB" -qtA -v ON_ERROR_STOP=1 \
  -c 'SET client_min_messages = warning' -c "CREATE DATABASE \"$db\""
database_url="postgres://$pg_role@$PG_HOST:$PG_PORT/$db"
echo "  $database_url"

step 'postgres: the healthcheck'
declare -a pg_health
compose_argv pg_health healthcheck postgres
echo "  \$ ${pg_health[*]}"
if command -v pg_isready >/dev/null; then
  expect 'the postgres healthcheck passes' env PGHOST="$PG_HOST" PGPORT="$PG_PORT" "${pg_health[@]}"
else
  echo '  warning: no pg_isready here; skipped' >&2
fi

# ---------------------------------------------------------------------------------------
step 'server: the compose command, three replicas at once on the empty database'
declare -a server_cmd server_health
compose_argv server_cmd command server
compose_argv server_health healthcheck server
echo "  \$ ${server_cmd[*]}"
ports=()
metrics_ports=()
for i in 1 2 3; do
  port=${free[next++]}
  ports+=("$port")
  # Three replicas on one machine: each needs a metrics port of its own (in Docker, each has 9464).
  metrics_ports+=("${free[next++]}")
  in_container server PORT="$port" METRICS_PORT="${metrics_ports[-1]}" "${server_cmd[@]}"
  "${run[@]}" >"$work/server-$i.log" 2>&1 &
  pids+=("$!")
done
for i in 0 1 2; do
  if node infra/test/request.mjs --wait 90 "http://127.0.0.1:${ports[$i]}/readyz" >/dev/null; then
    ok "replica $((i + 1)) is ready on port ${ports[$i]}"
  else
    fail "replica $((i + 1)) is ready on port ${ports[$i]}"
    cat "$work/server-$((i + 1)).log" >&2
  fi
done
expect 'each replica ran the migrations first (cli.js migrate)' \
  grep -q 'database migrated' "$work/server-1.log" "$work/server-2.log" "$work/server-3.log"
expect 'each replica serves on PostgreSQL' \
  test "$(grep -l '"database":"postgresql"' "$work"/server-*.log | wc -l)" -eq 3

echo "  \$ ${server_health[*]}"
in_container server PORT="${ports[0]}" "${server_health[@]}"
expect 'the server healthcheck passes against a ready replica' "${run[@]}"
in_container server PORT="${free[next++]}" "${server_health[@]}"
if "${run[@]}"; then
  fail 'the server healthcheck fails when nothing answers'
else
  ok 'the server healthcheck fails when nothing answers'
fi

query='{ flows(first: 1) { totalCount } documents(first: 10) { totalCount } }'
counts=()
for port in "${ports[@]}"; do
  counts+=("$(gql "$port" "$query" | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).flows.totalCount')")
done
expect "GraphQL answers on every replica with the same data (flows: ${counts[*]})" \
  test "${counts[0]}" -gt 0 -a "${counts[0]}" = "${counts[1]}" -a "${counts[0]}" = "${counts[2]}"
documents=$(gql "${ports[2]}" "$query" | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).documents.totalCount')
# The seed holds two documents: the article and a second report of the same press conference.
expect "the seed data set was loaded once, not once per replica (documents: $documents)" \
  test "$documents" -eq 2
expect 'the explorer is served at /' \
  bash -c "node infra/test/request.mjs http://127.0.0.1:${ports[0]}/ | grep -q '<div id=\"root\">'"

# ---------------------------------------------------------------------------------------
step "seed: the compose command with ${SEED_TEST_ENV[*]}"
declare -a seed_cmd
compose_argv seed_cmd command seed "${SEED_TEST_ENV[@]}"
echo "  \$ ${seed_cmd[*]}"
seed_started=$SECONDS
in_container seed "${seed_cmd[@]}"
if "${run[@]}" >"$work/seed.log" 2>&1; then
  ok "the synthetic data set loads ($((SECONDS - seed_started)) s)"
else
  fail 'the synthetic data set loads'
  cat "$work/seed.log" >&2
fi
sed 's/^/    /' "$work/seed.log" | grep -v '%' || true
after=$(gql "${ports[1]}" "$query" | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).flows.totalCount')
expect "the servers see the synthetic flows (${counts[0]} → $after)" test "$after" -gt "${counts[0]}"
if "${run[@]}" >"$work/seed-again.log" 2>&1; then
  fail 'a second seed run refuses'
else
  expect 'a second seed run refuses (exit 1, the records exist)' grep -q 'already holds' "$work/seed-again.log"
fi

# ---------------------------------------------------------------------------------------
step 'proxy: the nginx template, rendered and served by nginx'
nginx_bin=${NGINX_BIN:-$(command -v nginx || true)}
if [[ -z $nginx_bin ]]; then
  echo '  warning: no nginx here (set NGINX_BIN); the proxy is not tested' >&2
else
  mkdir -p "$work/nginx/temp"
  proxy_port=${free[next++]}
  # As the nginx image does (20-envsubst-on-templates.sh): the service's environment goes
  # into the template; here the upstream is replica 1 and nothing needs resolving.
  # shellcheck disable=SC2016 # JavaScript, not shell
  FUNDTRACE_UPSTREAM="127.0.0.1:${ports[0]}" DNS_RESOLVER=127.0.0.1 node -e '
    const fs = require("fs");
    const [template, out, port] = process.argv.slice(1);
    let text = fs.readFileSync(template, "utf8");
    for (const name of ["FUNDTRACE_UPSTREAM", "DNS_RESOLVER"]) {
      text = text.replaceAll("${" + name + "}", process.env[name]).replace(new RegExp("\\$" + name + "\\b", "g"), process.env[name]);
    }
    // The container listens on 80; here a free port.
    fs.writeFileSync(out, text.replace(/listen 80 /, `listen 127.0.0.1:${port} `));
  ' infra/proxy/default.conf.template "$work/nginx/default.conf" "$proxy_port"
  cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $work/nginx/temp/body;
  proxy_temp_path $work/nginx/temp/proxy;
  fastcgi_temp_path $work/nginx/temp/fastcgi;
  uwsgi_temp_path $work/nginx/temp/uwsgi;
  scgi_temp_path $work/nginx/temp/scgi;
  include $work/nginx/default.conf;
}
EOF
  chmod -R a+rwX "$work/nginx"
  nginx_user=()
  if [[ $EUID -eq 0 ]]; then nginx_user=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
  echo "  $("$nginx_bin" -v 2>&1)"
  expect 'nginx accepts the configuration (nginx -t)' \
    "${nginx_user[@]}" "$nginx_bin" -t -q -e stderr -p "$work/nginx" -c "$work/nginx/nginx.conf"
  "${nginx_user[@]}" "$nginx_bin" -e stderr -p "$work/nginx" -c "$work/nginx/nginx.conf" \
    >"$work/nginx.log" 2>&1 &
  pids+=("$!")
  if node infra/test/request.mjs --wait 20 "http://127.0.0.1:$proxy_port/readyz" >/dev/null; then
    ok 'the proxy forwards /readyz'
    proxied=$(gql "$proxy_port" "$query" | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).flows.totalCount')
    expect "the proxy forwards GraphQL (flows: $proxied)" test "$proxied" = "$after"
    expect 'the proxy serves the explorer' \
      bash -c "node infra/test/request.mjs http://127.0.0.1:$proxy_port/ | grep -q '<div id=\"root\">'"
    expect 'the proxy answers the proxy healthcheck path (/healthz)' \
      node infra/test/request.mjs "http://127.0.0.1:$proxy_port/healthz"
    expect 'a flow recorded through the proxy reaches a subscriber through the proxy at once' \
      node infra/test/live-update.mjs "http://127.0.0.1:$proxy_port/graphql" "$SMOKE_ADMIN_TOKEN"
    expect 'the proxy does not expose /metrics (a replica does, on its metrics port only)' bash -c "
      ! node infra/test/request.mjs http://127.0.0.1:$proxy_port/metrics >/dev/null 2>&1 &&
        ! node infra/test/request.mjs http://127.0.0.1:${ports[0]}/metrics >/dev/null 2>&1 &&
        node infra/test/request.mjs http://127.0.0.1:${metrics_ports[0]}/metrics | grep -q '^process_cpu'"
  else
    fail 'the proxy forwards /readyz'
    cat "$work/nginx.log" >&2
  fi
fi

# ---------------------------------------------------------------------------------------
step 'shutdown: SIGTERM, as docker stop sends it'
for i in 0 1 2; do
  pid=${pids[$i]}
  kill -TERM "$pid"
  code=0
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    fail "replica $((i + 1)) stops within 10 s of SIGTERM"
    continue
  fi
  wait "$pid" || code=$?
  expect "replica $((i + 1)) stops on SIGTERM with exit code 0 (got $code)" test "$code" -eq 0
done

printf '\nsmoke test: %d s\n%d passed, %d failed\n' "$((SECONDS - started))" "$passed" "$failed"
[[ $failed -eq 0 ]]
