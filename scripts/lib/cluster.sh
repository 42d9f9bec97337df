# The app's private, persistent PostGIS cluster under .data/ (used by scripts/run and scripts/territory).
# shellcheck shell=bash

DATA_DIR="${TERRITORY_DATA_DIR:-$REPO/.data}"
CLUSTER=""
PG_PORT=""
CLUSTER_STARTED_HERE=""

# Locates (creating on first use) the cluster folder. As root the cluster belongs to 'postgres'; when that user
# cannot reach the checkout (a home folder, say), the cluster lives under /var/lib/territory and .data/pg links to it.
private_cluster_dir() {
  mkdir -p "$DATA_DIR"
  if [ -L "$DATA_DIR/pg" ] || [ -d "$DATA_DIR/pg" ]; then
    CLUSTER="$(readlink -f "$DATA_DIR/pg")"
    return 0
  fi
  if is_root && ! runuser -u postgres -- test -x "$DATA_DIR"; then
    local target
    target="/var/lib/territory/clusters/$(printf '%s' "$DATA_DIR" | sha256sum | cut -c1-16)"
    mkdir -p "$target"
    ln -sfn "$target" "$DATA_DIR/pg"
    say "the postgres user cannot reach $DATA_DIR; the cluster lives in $target (linked from .data/pg)"
  else
    mkdir -p "$DATA_DIR/pg"
  fi
  CLUSTER="$(readlink -f "$DATA_DIR/pg")"
}

# Starts the private cluster unless it runs already; exports ConnectionStrings__Territory.
ensure_private_cluster() {
  pg_bin
  cluster_user
  private_cluster_dir
  if [ ! -f "$CLUSTER/data/PG_VERSION" ]; then
    say "creating the private PostGIS cluster in $CLUSTER"
    local password pwfile
    password="$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
    pwfile="$(mktemp)"
    printf '%s\n' "$password" >"$pwfile"
    is_root && chown "$CLUSTER_USER" "$pwfile"
    init_cluster "$CLUSTER" "$pwfile"
    rm -f "$pwfile"
    (umask 077; printf '%s\n' "$password" >"$DATA_DIR/pg.password")
  fi

  if cluster_running "$CLUSTER"; then
    PG_PORT="$(sed -n 4p "$CLUSTER/data/postmaster.pid")"
  else
    PG_PORT="$(cat "$DATA_DIR/pg.port" 2>/dev/null || true)"
    if [ -z "$PG_PORT" ] || ! port_is_free "$PG_PORT"; then PG_PORT="$(free_port)"; fi
    start_cluster "$CLUSTER" "$PG_PORT"
    CLUSTER_STARTED_HERE=1
    echo "$PG_PORT" >"$DATA_DIR/pg.port"
  fi

  if [ -z "$(psql_cluster "$CLUSTER" "$PG_PORT" -c "SELECT 1 FROM pg_database WHERE datname = 'territory'")" ]; then
    psql_cluster "$CLUSTER" "$PG_PORT" -c "CREATE DATABASE territory" >/dev/null
  fi
  export ConnectionStrings__Territory="Host=127.0.0.1;Port=$PG_PORT;Database=territory;Username=postgres;Password=$(cat "$DATA_DIR/pg.password")"
}

stop_private_cluster_if_started() {
  if [ -n "$CLUSTER_STARTED_HERE" ]; then
    say "stopping the PostGIS cluster"
    stop_cluster "$CLUSTER"
    CLUSTER_STARTED_HERE=""
  fi
}
