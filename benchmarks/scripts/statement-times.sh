#!/bin/sh
# Where PostgreSQL spends a booking's time, per statement, on a fresh database and again after
# ANALYZE. Starts the app on a fresh data directory, turns on pg_stat_statements (tracking the
# statements inside confirm_hold and claim_hold too) and restarts it, warms up with availability
# load, then runs the booking scenario twice with ApiLoad against the running app:
#   1. on the fresh database, whose pooled connections plan for empty tables;
#   2. after ANALYZE and a reset of the statistics.
# Prints the top statements by total execution time after each.
#
#   benchmarks/scripts/statement-times.sh
set -eu
cd "$(dirname "$0")/../.."
JAR=benchmarks/target/benchmarks.jar
ROOT=$(mktemp -d -t statement-times.XXXXXX)
TOKEN=statement-times-admin-token-0123456789
sql() { java -cp "$JAR" benchmarks/scripts/Sql.java "$JDBC" "$@"; }
start() { # $1: how many times the log must say the app has started
  OPENTERMIN_PORT=0 OPENTERMIN_DATA_DIR=$ROOT/data OPENTERMIN_ADMIN_TOKEN=$TOKEN OPENTERMIN_RATE_LIMIT_PER_MINUTE=0 \
    java -jar app/target/opentermin.jar >> "$ROOT/app.log" 2>&1 &
  APP=$!
  until [ "$(grep -c 'is listening on' "$ROOT/app.log")" -ge "$1" ]; do sleep 0.2; done
  JDBC="jdbc:postgresql://127.0.0.1:$(grep -o 'started on port [0-9]*' "$ROOT/app.log" | tail -1 | cut -d' ' -f4)/opentermin"
  URL=$(grep -o 'is listening on http://localhost:[0-9]*' "$ROOT/app.log" | tail -1 | sed 's|.*localhost:|http://127.0.0.1:|')
}
stop() { kill "$APP"; wait "$APP" || true; }
top() {
  sql "SELECT calls, round(total_exec_time) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
         CASE WHEN toplevel THEN 'call' ELSE '  inside' END, left(regexp_replace(query, '\s+', ' ', 'g'), 90)
       FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 8"
}
load() { java -cp "$JAR" org.opentermin.benchmarks.ApiLoad url=$URL token=$TOKEN "$@" | grep -E '^(availability|booking|overbooking)'; }

start 1
sql "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" "ALTER SYSTEM SET pg_stat_statements.track = 'all'"
stop
start 2
sql "CREATE EXTENSION pg_stat_statements"
load scenarios=availability connections=8 rates= duration=10
sql "SELECT pg_stat_statements_reset()" > /dev/null
echo "== 1. fresh database (no planner statistics yet)"
load scenarios=booking
top
sql "SELECT relname, n_live_tup, n_dead_tup, last_autoanalyze FROM pg_stat_user_tables WHERE relname = 'appointments'"
sql "ANALYZE" "SELECT pg_stat_statements_reset()" > /dev/null
echo "== 2. after ANALYZE"
load scenarios=booking
top
stop
rm -rf "$ROOT"
