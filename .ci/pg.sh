# PostgreSQL in a throw-away cluster under /tmp, for the test suite. `source` this, then pg_start / pg_stop.
export PGPORT=${PGPORT:-54329}
export PGROOT=${PGROOT:-/tmp/kehoach-pg-$PGPORT}
_pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }
pg_start() {
  PGBIN=${PGBIN:-$(_pgbin)}
  if [ ! -x "$PGBIN/initdb" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || {
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }
    PGBIN=$(_pgbin)
  fi
  if [ -f "$PGROOT/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PGROOT"; mkdir -p "$PGROOT/sock"; chown -R postgres:postgres "$PGROOT"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PGROOT/initdb.log" || return 1
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
    -o "-p $PGPORT -k $PGROOT/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$PGROOT/server.log"; return 1; }
  local i; for i in $(seq 1 60); do "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" && break; sleep 0.5; done
  "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PGPORT" >/dev/null || return 1
  "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE app LOGIN PASSWORD 'app' CREATEDB" \
    -c "CREATE DATABASE app OWNER app ENCODING 'UTF8' TEMPLATE template0"
  export PG_DATABASE_URL="postgres://app:app@127.0.0.1:$PGPORT/app"
}
pg_stop() {
  [ -f "$PGROOT/data/postmaster.pid" ] || return 0
  runuser -u postgres -- "${PGBIN:-$(_pgbin)}/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null
  rm -rf "$PGROOT"
}
