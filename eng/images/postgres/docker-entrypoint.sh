#!/bin/sh
# The part of the official postgres image's docker-entrypoint.sh that Aspire's AddPostgres relies on, for busybox sh:
# - run as root: prepare PGDATA and the socket directory, then re-run itself as the postgres user;
# - on the first start (no PGDATA/PG_VERSION): initdb with POSTGRES_USER (default postgres) and POSTGRES_PASSWORD
#   (required unless POSTGRES_HOST_AUTH_METHOD=trust) plus POSTGRES_INITDB_ARGS; listen on every address; host
#   connections authenticate with POSTGRES_HOST_AUTH_METHOD (default scram-sha-256); create POSTGRES_DB (default the
#   user's name); run /docker-entrypoint-initdb.d/* once, in name order (*.sh executed when executable, sourced
#   otherwise; *.sql and *.sql.gz through psql), against a server reachable only on its socket;
# - exec the command (postgres), whose log goes to the container's output.
# The password reaches initdb through a 0600 file that is deleted at once, never an argv.
set -eu

if [ "${1#-}" != "$1" ]; then
  set -- postgres "$@"
fi

if [ "$1" = postgres ] && [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  find "$PGDATA" /var/run/postgresql \! -user postgres -exec chown postgres:postgres {} +
  chmod 0700 "$PGDATA"
  chmod 3777 /var/run/postgresql
  exec su -p -s /bin/sh postgres -c 'exec "$0" "$@"' "$0" "$@"
fi

log() { printf 'docker-entrypoint: %s\n' "$*"; }

run_init_file() {
  case "$1" in
    *.sh)
      if [ -x "$1" ]; then
        log "running $1"; "$1"
      else
        log "sourcing $1"; . "$1"
      fi ;;
    *.sql) log "running $1"; psql_init -f "$1"; echo ;;
    *.sql.gz) log "running $1"; gunzip -c "$1" | psql_init; echo ;;
    *) log "ignoring $1" ;;
  esac
}

psql_init() {
  psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" "$@"
}

initialize() {
  : "${POSTGRES_USER:=postgres}"
  : "${POSTGRES_DB:=$POSTGRES_USER}"
  : "${POSTGRES_INITDB_ARGS:=}"
  : "${POSTGRES_HOST_AUTH_METHOD:=scram-sha-256}"
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
    echo 'docker-entrypoint: the database is uninitialized and POSTGRES_PASSWORD is not set (or set POSTGRES_HOST_AUTH_METHOD=trust)' >&2
    exit 1
  fi

  pwfile=$(mktemp)
  printf '%s\n' "${POSTGRES_PASSWORD:-}" > "$pwfile"
  # POSTGRES_INITDB_ARGS splits on blanks, as the official image's does.
  # shellcheck disable=SC2086
  initdb --username="$POSTGRES_USER" --pwfile="$pwfile" $POSTGRES_INITDB_ARGS
  rm -f "$pwfile"
  printf "\nlisten_addresses = '*'\n" >> "$PGDATA/postgresql.conf"
  printf '\nhost all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD" >> "$PGDATA/pg_hba.conf"

  export PGPASSWORD="${POSTGRES_PASSWORD:-}"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w start
  if [ "$POSTGRES_DB" != postgres ]; then
    printf 'CREATE DATABASE :"db";\n' | psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password --username "$POSTGRES_USER" --dbname postgres --set db="$POSTGRES_DB"
  fi
  for file in /docker-entrypoint-initdb.d/*; do
    [ -e "$file" ] || continue
    run_init_file "$file"
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  unset PGPASSWORD
  log 'PostgreSQL init process complete; ready for start up.'
}

if [ "$1" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  initialize
fi

exec "$@"
