# Shared by scripts/run, scripts/test, scripts/territory and scripts/bench: system packages and private PostGIS clusters.
# shellcheck shell=bash
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Messages go to stderr; a closed terminal or pipe (Ctrl-C on "scripts/run | tee") must not stop a clean-up half-way.
say() { printf 'territory: %s\n' "$*" >&2 2>/dev/null || true; }
die() { say "$*"; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }
can_install() { is_root || sudo -n true 2>/dev/null; }
as_root() { if is_root; then "$@"; else sudo -n "$@"; fi; }

# The PostgreSQL major version apt would install (the "postgresql" metapackage's dependency).
pg_major_from_apt() {
  apt-cache show postgresql 2>/dev/null | sed -n 's/^Depends:.*postgresql-\([0-9][0-9]*\).*/\1/p' | head -n 1
}

# The newest installed PostgreSQL whose PostGIS is installed too; empty when none.
pg_with_postgis() {
  local dir version
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    version="$(basename "$(dirname "$dir")")"
    if ls /usr/share/postgresql/"$version"/extension/postgis.control >/dev/null 2>&1; then
      echo "$version"
      return 0
    fi
  done
}

# ensure_system_packages NEED...: NEED is one of postgis, node, chromium, rsvg, gdal.
# Installs what is missing when allowed (root, or sudo without a password); otherwise prints the commands and stops.
ensure_system_packages() {
  local need missing=()
  for need in "$@"; do
    case "$need" in
      postgis) [ -n "$(pg_with_postgis)" ] || missing+=(POSTGIS) ;;
      node) command -v npm >/dev/null 2>&1 || missing+=(nodejs npm) ;;
      chromium) command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core) ;;
      rsvg) command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin fonts-dejavu-core) ;;
      gdal) command -v ogr2ogr >/dev/null 2>&1 || missing+=(gdal-bin) ;;
      *) die "unknown requirement $need" ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local updated=""
  if can_install; then
    say "installing system packages: ${missing[*]}"
    as_root apt-get update -qq || die "apt-get update failed"
    updated=1
  fi
  local pkgs=() major
  for need in "${missing[@]}"; do
    if [ "$need" = POSTGIS ]; then
      major="$(pg_major_from_apt)"; major="${major:-15}"
      pkgs+=("postgresql-$major-postgis-3" "postgresql-$major" "postgresql-contrib")
    else
      pkgs+=("$need")
    fi
  done
  if [ -z "$updated" ]; then
    say "these system packages are missing and this user may not install them."
    say "run, then start this command again:"
    printf '  sudo apt-get update && sudo apt-get install -y %s\n' "${pkgs[*]}" >&2
    exit 1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null \
    || die "apt-get install ${pkgs[*]} failed"
}

PG_BIN=""
pg_bin() {
  local version
  version="$(pg_with_postgis)"
  [ -n "$version" ] || die "no PostgreSQL with PostGIS found under /usr/lib/postgresql"
  PG_BIN="/usr/lib/postgresql/$version/bin"
}

# The cluster runs as an unprivileged user: the current one, or 'postgres' when we are root (initdb refuses root).
CLUSTER_USER=""
cluster_user() { if is_root; then CLUSTER_USER=postgres; else CLUSTER_USER="$(id -un)"; fi; }
as_cluster_user() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A TCP port on 127.0.0.1 that nothing listens on.
free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 100); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "no free TCP port found on 127.0.0.1"
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# init_cluster DIR [PASSWORDFILE]: a new cluster in DIR/data owned by the cluster user.
init_cluster() {
  local dir="$1" pwfile="${2:-}"
  mkdir -p "$dir"
  is_root && chown "$CLUSTER_USER" "$dir"
  chmod 700 "$dir"
  if [ -n "$pwfile" ]; then
    as_cluster_user "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --pwfile="$pwfile" -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  else
    as_cluster_user "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale --no-sync \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  fi
}

# start_cluster DIR PORT [EXTRA_OPTIONS]: listens on 127.0.0.1:PORT only, socket in DIR; own session so Ctrl-C reaches the app first.
start_cluster() {
  local dir="$1" port="$2" extra="${3:-}"
  as_cluster_user setsid "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $extra" start >/dev/null \
    || { tail -n 20 "$dir/postgres.log" >&2; die "PostgreSQL did not start (log: $dir/postgres.log)"; }
}

stop_cluster() {
  local dir="$1"
  as_cluster_user "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}

cluster_running() { as_cluster_user "$PG_BIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1; }

# psql_cluster DIR PORT SQL...: runs SQL as the superuser over the cluster's socket.
psql_cluster() {
  local dir="$1" port="$2"; shift 2
  as_cluster_user "$PG_BIN/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAtX "$@"
}

# A throwaway PostGIS cluster in its own temporary folder and port, removed when the calling script exits (even on
# failure or Ctrl-C). Sets WORK and exports TERRITORY_TEST_POSTGRES (a superuser connection string).
start_throwaway_cluster() {
  pg_bin
  cluster_user
  WORK="$(mktemp -d -t territory-run.XXXXXX)"
  chmod 755 "$WORK"
  trap remove_throwaway_cluster EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  init_cluster "$WORK/pg"
  local port
  port="$(free_port)"
  # Durability is pointless for a cluster thrown away after the run.
  start_cluster "$WORK/pg" "$port" "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
  export TERRITORY_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  THROWAWAY_PORT="$port"
}

remove_throwaway_cluster() {
  trap - INT TERM EXIT
  trap '' PIPE INT
  [ -f "$WORK/pg/data/postmaster.pid" ] && stop_cluster "$WORK/pg"
  rm -rf "$WORK"
}

# The shared test material (seed reports, reference geodata): TERRITORY_SHARED, or ../shared beside the checkout.
shared_folder() {
  if [ -n "${TERRITORY_SHARED:-}" ]; then
    echo "$TERRITORY_SHARED"
  elif [ -d "$REPO/../shared" ]; then
    (cd "$REPO/../shared" && pwd)
  fi
}
