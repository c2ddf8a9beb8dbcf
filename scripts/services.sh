#!/usr/bin/env bash
# Local backing services for CartRecovery development and tests, on loopback only:
#   PostgreSQL  127.0.0.1:55432  (data in .services/postgres)
#   RabbitMQ    127.0.0.1:5673   (own node cartrecovery@localhost, data in .services/rabbitmq)
#   SMTP sink   127.0.0.1:2525   (aiosmtpd, every message stored in .services/smtp/maildir/new)
#
# Usage: scripts/services.sh [up|down|status|env]
#   up      (default) install missing Debian packages, start what is not running, write
#           .services/services.env. Idempotent. A service whose variable is already set by
#           the caller (CARTRECOVERY_POSTGRES, CARTRECOVERY_RABBITMQ, CARTRECOVERY_SMTP_HOST)
#           is taken from the environment and not started.
#   down    stop the processes this script started (found through their pid files)
#   status  print the state of each service
#   env     print .services/services.env (KEY=VALUE lines)
#
# services.env holds raw KEY=VALUE lines (no quotes; the Npgsql string contains ';'), so do not
# `source` it. Load it with e.g.
#   while IFS= read -r kv; do export "$kv"; done < .services/services.env
# or in GitHub Actions: cat .services/services.env >> "$GITHUB_ENV".
# Re-exporting our own values does not count as "set by the caller": `up` still manages them.
#
# The RabbitMQ management UI/API listens on 127.0.0.1:15673 (user cartrecovery);
# SERVICES_RABBITMQ_MANAGEMENT=0 disables it (takes effect when the node is (re)started).
# Port overrides (only if a default port is taken on this machine): SERVICES_POSTGRES_PORT,
# SERVICES_RABBITMQ_PORT, SERVICES_RABBITMQ_DIST_PORT, SERVICES_RABBITMQ_MANAGEMENT_PORT,
# SERVICES_SMTP_PORT; use the same values for up, down and status.
#
# Needs root for up/down (apt-get, runuser). Debian 12 packages: postgresql,
# rabbitmq-server, python3-aiosmtpd.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
REPO="$(cd "$SCRIPT_DIR/.." && pwd -P)"
SERVICES_DIR="$REPO/.services"
ENV_FILE="$SERVICES_DIR/services.env"
APT_LOG="$SERVICES_DIR/apt.log"

HOST=127.0.0.1

PG_PORT="${SERVICES_POSTGRES_PORT:-55432}"
# PostgreSQL runs as the postgres OS user, which must be able to walk down to its data folder. A checkout under
# a private folder (e.g. /root) cannot give it that, so the data then lives in a folder named after the checkout.
all_parents_searchable() {
    local dir="$1"
    while [[ $dir != "/" && -n $dir ]]; do
        if [[ -e $dir ]]; then
            local perm
            perm="$(stat -c %A "$dir")"
            [[ ${perm:9:1} == [xt] ]] || return 1
        fi
        dir="$(dirname "$dir")"
    done
    return 0
}
if all_parents_searchable "$REPO"; then
    PG_DIR="$SERVICES_DIR/postgres"
else
    PG_DIR="/var/lib/cartrecovery-services/$(printf '%s' "$REPO" | sha256sum | cut -c1-12)/postgres"
fi
PG_DATA="$PG_DIR/data"
PG_LOG="$PG_DIR/postgres.log"
PG_CONF_NAME="cartrecovery-services.conf"
PG_URL_DEFAULT="Host=$HOST;Port=$PG_PORT;Username=cartrecovery;Password=cartrecovery;Database=cartrecovery"

RMQ_PORT="${SERVICES_RABBITMQ_PORT:-5673}"
RMQ_DIST_PORT="${SERVICES_RABBITMQ_DIST_PORT:-25673}"
RMQ_MGMT_PORT="${SERVICES_RABBITMQ_MANAGEMENT_PORT:-15673}"
RMQ_NODE="cartrecovery@localhost"
RMQ_DIR="$SERVICES_DIR/rabbitmq"
RMQ_PID="$RMQ_DIR/rabbitmq.pid"
RMQ_LAUNCHER_PID="$RMQ_DIR/launcher.pid"
RMQ_STDOUT_LOG="$RMQ_DIR/log/startup.log"
RMQ_EPMD_MARK="$RMQ_DIR/epmd.started-by-services-sh"
RMQ_LIB_BIN=/usr/lib/rabbitmq/bin
RMQ_COOKIE_HOME=/var/lib/rabbitmq # cookie shared with the Debian rabbitmqctl wrapper (runs as user rabbitmq)
RMQ_URL_DEFAULT="amqp://cartrecovery:cartrecovery@$HOST:$RMQ_PORT/"
RMQ_MGMT_URL_DEFAULT="http://$HOST:$RMQ_MGMT_PORT/"

SMTP_PORT="${SERVICES_SMTP_PORT:-2525}"
SMTP_DIR="$SERVICES_DIR/smtp"
SMTP_PID="$SMTP_DIR/smtp.pid"
SMTP_LOG="$SMTP_DIR/smtp.log"
SMTP_MAILDIR="$SMTP_DIR/maildir"
SYS_PYTHON=/usr/bin/python3 # not the pyenv python3 on PATH: it cannot see Debian's python3-aiosmtpd

PG_WAIT=60
RMQ_WAIT=90
SMTP_WAIT=20

# ---------------------------------------------------------------------------- helpers

die() { printf 'services.sh: error: %s\n' "$*" >&2; exit 1; }
note() { printf 'services.sh: %s\n' "$*" >&2; }
rel() { printf '%s' "${1#"$REPO"/}"; }

need_root() { [[ $EUID -eq 0 ]] || die "'$1' must run as root (it uses apt-get and runuser)"; }

# true when something accepts TCP connections on $HOST:$1
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null; }

# read_pid FILE -> first line if it is a number
read_pid() {
    local p=""
    [[ -r $1 ]] && read -r p <"$1" 2>/dev/null || true
    [[ $p =~ ^[0-9]+$ ]] && printf '%s' "$p"
}

# pid_matches PID REGEX: process alive and its command line matches REGEX (guards against pid reuse)
pid_matches() {
    [[ -n $1 && -r /proc/$1/cmdline ]] || return 1
    local cmd
    cmd="$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)" || return 1
    [[ $cmd =~ $2 ]]
}

tail_log() { [[ -f $1 ]] && { echo "---- last lines of $1:" >&2; tail -n 25 "$1" >&2; echo "----" >&2; } || true; }

# true when the caller's value for a variable is external (set, and not just our own value re-exported
# from services.env, which would otherwise stop `up` from ever starting our instance again)
from_env() { [[ -n ${!1:-} && ${!1} != "$2" ]]; }
pg_external() { from_env CARTRECOVERY_POSTGRES "$PG_URL_DEFAULT"; }
rmq_external() { from_env CARTRECOVERY_RABBITMQ "$RMQ_URL_DEFAULT"; }
smtp_external() {
    [[ -n ${CARTRECOVERY_SMTP_HOST:-} ]] || return 1
    [[ $CARTRECOVERY_SMTP_HOST == "$HOST" && ${CARTRECOVERY_SMTP_PORT:-$SMTP_PORT} == "$SMTP_PORT" &&
        ${CARTRECOVERY_SMTP_MAILDIR:-$SMTP_MAILDIR} == "$SMTP_MAILDIR" ]] && return 1
    return 0
}

pkg_installed() { [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]; }

APT=(apt-get -y -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)

apt_update() {
    for _ in 1 2 3; do
        "${APT[@]}" update >>"$APT_LOG" 2>&1 && return 0
        sleep 5
    done
    tail_log "$APT_LOG"
    die "apt-get update failed (see $APT_LOG)"
}

# install the given packages if missing; apt-get update only when the lists do not know them
# (or when the install fails, e.g. stale lists)
ensure_packages() {
    local missing=() p need_update=0 made_policy=0
    for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
    ((${#missing[@]})) || return 0
    note "installing ${missing[*]} (apt log: $(rel "$APT_LOG"))"
    for p in "${missing[@]}"; do
        apt-cache show "$p" >/dev/null 2>&1 || need_update=1
    done
    # Keep the packages' maintainer scripts from starting the system services (system rabbit would
    # listen on 0.0.0.0:5672, the main postgres cluster on 5432): we run our own instances.
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        made_policy=1
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    ((need_update)) && apt_update
    if ! DEBIAN_FRONTEND=noninteractive "${APT[@]}" install --no-install-recommends "${missing[@]}" >>"$APT_LOG" 2>&1; then
        apt_update
        DEBIAN_FRONTEND=noninteractive "${APT[@]}" install --no-install-recommends "${missing[@]}" >>"$APT_LOG" 2>&1 ||
            { tail_log "$APT_LOG"; die "apt-get install ${missing[*]} failed (see $APT_LOG)"; }
    fi
    if ((made_policy)); then rm -f /usr/sbin/policy-rc.d; trap - EXIT; fi
    INSTALLED+=("${missing[@]}")
}

installed_note() { # installed_note PKG -> " (installed PKG)" when this run installed it
    local p
    for p in "${INSTALLED[@]}"; do [[ $p == "$1" ]] && { printf ' (installed %s)' "$1"; return; }; done
    return 0
}

# ---------------------------------------------------------------------------- PostgreSQL

pg_bin() {
    local v=""
    [[ -r $PG_DATA/PG_VERSION ]] && read -r v <"$PG_DATA/PG_VERSION"
    if [[ -n $v && -x /usr/lib/postgresql/$v/bin/postgres ]]; then
        printf '%s' "/usr/lib/postgresql/$v/bin"
        return
    fi
    [[ -n $v ]] && die "$(rel "$PG_DATA") was created by PostgreSQL $v, which is not installed; remove that folder to re-create the database"
    local d
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [[ -n $d && -x $d/postgres ]] || die "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin"
    printf '%s' "$d"
}

# unix socket directory: inside .services/postgres unless the path gets too long for a socket (107 bytes)
pg_sockdir() {
    local d="$PG_DIR"
    if ((${#d} + 17 > 100)); then d="/tmp/cartrecovery-pg-$(printf '%s' "$REPO" | cksum | cut -d' ' -f1)"; fi
    printf '%s' "$d"
}

pg_pid() { local p; p="$(read_pid "$PG_DATA/postmaster.pid")" && pid_matches "$p" 'postgres' && printf '%s' "$p"; }
pg_running() { pg_pid >/dev/null && port_open "$PG_PORT"; }

as_postgres() { (cd "$PG_DIR" && runuser -u postgres -- "$@" 9>&-); }  # 9 = our lock, keep it out of daemons

pg_psql() { # pg_psql DB  (SQL on stdin), as the postgres superuser over the unix socket
    as_postgres "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$(pg_sockdir)" -p "$PG_PORT" -U postgres -d "$1"
}

pg_write_conf() {
    local preload="" sock
    sock="$(pg_sockdir)"
    if [[ -f $PGBIN/../lib/pg_stat_statements.so && -f /usr/share/postgresql/$(basename "$(dirname "$PGBIN")")/extension/pg_stat_statements.control ]]; then
        preload="pg_stat_statements"
    fi
    cat >"$PG_DATA/$PG_CONF_NAME" <<EOF
# written by scripts/services.sh on every start; edit the script, not this file
listen_addresses = '$HOST'
port = $PG_PORT
unix_socket_directories = '$sock'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
shared_preload_libraries = '$preload'
EOF
    [[ -n $preload ]] && echo "pg_stat_statements.track = all" >>"$PG_DATA/$PG_CONF_NAME"
    grep -qF "include_if_exists = '$PG_CONF_NAME'" "$PG_DATA/postgresql.conf" ||
        printf "\ninclude_if_exists = '%s'\n" "$PG_CONF_NAME" >>"$PG_DATA/postgresql.conf"
    chown postgres:postgres "$PG_DATA/$PG_CONF_NAME" "$PG_DATA/postgresql.conf"
    PG_PRELOAD="$preload"
}

pg_ensure_db() {
    pg_psql postgres <<'SQL' >/dev/null
SET client_min_messages = warning;
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cartrecovery') THEN
    CREATE ROLE cartrecovery LOGIN SUPERUSER PASSWORD 'cartrecovery';
  END IF;
END $$;
SELECT 'CREATE DATABASE cartrecovery OWNER cartrecovery'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'cartrecovery')\gexec
SELECT 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements'
 WHERE current_setting('shared_preload_libraries') LIKE '%pg_stat_statements%'\gexec
SQL
}

pg_up() {
    if pg_external; then
        echo "postgres: from environment (CARTRECOVERY_POSTGRES), not started"
        return
    fi
    PGBIN="$(pg_bin)"
    if pg_running; then
        pg_ensure_db || die "postgres is running but creating role/database failed (see $PG_LOG)"
        echo "postgres: already running on $HOST:$PG_PORT (pid $(pg_pid), data $(rel "$PG_DIR"))"
        return
    fi
    port_open "$PG_PORT" && die "port $HOST:$PG_PORT is in use by another process (not our postgres, see $PG_DATA/postmaster.pid)"

    mkdir -p "$PG_DIR"
    chmod 755 "$SERVICES_DIR" "$(dirname "$PG_DIR")"
    chown postgres:postgres "$PG_DIR"
    chmod 700 "$PG_DIR"
    as_postgres test -w "$PG_DIR" ||
        die "the postgres OS user cannot reach $PG_DIR (a parent folder is not world-searchable, e.g. /root); move the repository or chmod o+x its parents"
    local sock did=""
    sock="$(pg_sockdir)"
    [[ $sock != "$PG_DIR" ]] && { mkdir -p "$sock"; chown postgres:postgres "$sock"; chmod 700 "$sock"; }

    if [[ ! -s $PG_DATA/PG_VERSION ]]; then
        rm -rf "$PG_DATA" # leftover of an interrupted initdb
        local locale=C
        locale -a 2>/dev/null | grep -ix 'c.utf-\?8' >/dev/null && locale=C.UTF-8
        as_postgres "$PGBIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale="$locale" \
            --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 ||
            { tail_log "$PG_DIR/initdb.log"; die "initdb failed (see $PG_DIR/initdb.log)"; }
        did="initialized new cluster, "
    fi
    chown -R postgres:postgres "$PG_DIR"
    pg_write_conf

    # stale postmaster.pid whose pid now belongs to another process: postgres would refuse to start
    local stale
    stale="$(read_pid "$PG_DATA/postmaster.pid" || true)"
    if [[ -n $stale ]] && ! pid_matches "$stale" 'postgres'; then rm -f "$PG_DATA/postmaster.pid"; fi

    touch "$PG_LOG" && chown postgres:postgres "$PG_LOG"
    if ! as_postgres "$PGBIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$PG_WAIT" start >/dev/null 2>&1; then
        tail_log "$PG_LOG"
        die "postgres did not become ready within ${PG_WAIT}s (read $PG_LOG)"
    fi
    pg_running || { tail_log "$PG_LOG"; die "postgres started but $HOST:$PG_PORT does not answer (read $PG_LOG)"; }
    pg_ensure_db || { tail_log "$PG_LOG"; die "creating role/database cartrecovery failed (read $PG_LOG)"; }
    echo "postgres: ${did}started on $HOST:$PG_PORT (pid $(pg_pid), data $(rel "$PG_DIR"))$(installed_note postgresql)${PG_PRELOAD:+, with $PG_PRELOAD}"
}

pg_down() {
    local p
    if ! p="$(pg_pid)"; then
        echo "postgres: not running"
        return
    fi
    PGBIN="$(pg_bin)"
    if ! as_postgres "$PGBIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1; then
        kill -TERM "$p" 2>/dev/null || true
        sleep 2
        pid_matches "$p" postgres && kill -KILL "$p" 2>/dev/null || true
    fi
    echo "postgres: stopped (pid $p)"
}

pg_status() {
    if pg_external; then echo "postgres: from environment (CARTRECOVERY_POSTGRES)"; return; fi
    local p
    if p="$(pg_pid)"; then
        if port_open "$PG_PORT"; then echo "postgres: running on $HOST:$PG_PORT (pid $p, data $(rel "$PG_DIR"))"
        else echo "postgres: process $p alive but $HOST:$PG_PORT does not answer (read $PG_LOG)"; fi
    elif [[ -e $PG_DATA/postmaster.pid ]]; then echo "postgres: stopped (stale pid file)"
    else echo "postgres: stopped"; fi
}

# ---------------------------------------------------------------------------- RabbitMQ

rmq_env() {
    RMQ_ENV=(
        HOME="$RMQ_COOKIE_HOME"
        RABBITMQ_NODENAME="$RMQ_NODE"
        RABBITMQ_NODE_IP_ADDRESS="$HOST"
        RABBITMQ_NODE_PORT="$RMQ_PORT"
        RABBITMQ_DIST_PORT="$RMQ_DIST_PORT"
        RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf"
        RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf"
        RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ_DIR/advanced.config"
        RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins"
        RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia"
        RABBITMQ_LOG_BASE="$RMQ_DIR/log"
        RABBITMQ_PID_FILE="$RMQ_PID"
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
        RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
        ERL_EPMD_ADDRESS="$HOST"
    )
}

rmqctl() { # our own CLI calls (as root, same cookie as the node)
    rmq_env
    (cd "$RMQ_DIR" && env "${RMQ_ENV[@]}" timeout 150 "$RMQ_LIB_BIN/rabbitmqctl" -q -n "$RMQ_NODE" "$@" 9>&-)
}

# our node: a beam process whose environment carries our pid file path (the node name is not on its command line)
rmq_is_ours() {
    pid_matches "$1" '(^|/)beam' || return 1
    local e
    e="$(tr '\0' '\n' <"/proc/$1/environ" 2>/dev/null)" || return 1
    grep -qxF "RABBITMQ_PID_FILE=$RMQ_PID" <<<"$e"
}
rmq_pid() { local p; p="$(read_pid "$RMQ_PID")" && rmq_is_ours "$p" && printf '%s' "$p"; }
rmq_running() { rmq_pid >/dev/null && port_open "$RMQ_PORT"; }
rmq_mgmt_wanted() { [[ ! ${SERVICES_RABBITMQ_MANAGEMENT:-1} =~ ^(0|false|no|off)$ ]]; }

epmd_bin() { command -v epmd 2>/dev/null || ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | tail -n 1; }

# the Debian CLI wrappers (/usr/sbin/rabbitmqctl as root) run as user rabbitmq with HOME=/var/lib/rabbitmq,
# so that cookie is the node's cookie; root's own ~/.erlang.cookie is made identical when absent.
rmq_cookie() {
    local c="$RMQ_COOKIE_HOME/.erlang.cookie"
    mkdir -p "$RMQ_COOKIE_HOME"
    if [[ ! -s $c ]]; then
        (umask 077 && head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$c")
    fi
    chown rabbitmq:rabbitmq "$c" 2>/dev/null || true
    chmod 400 "$c"
    local rc=/root/.erlang.cookie
    if [[ ! -e $rc ]]; then
        install -m 400 -o root -g root "$c" "$rc"
    elif ! cmp -s "$c" "$rc"; then
        note "warning: $rc differs from $c; for our node use /usr/sbin/rabbitmqctl (or HOME=$RMQ_COOKIE_HOME)"
    fi
}

rmq_write_conf() {
    mkdir -p "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
    : >"$RMQ_DIR/rabbitmq-env.conf" # isolates us from /etc/rabbitmq/rabbitmq-env.conf
    cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
# written by scripts/services.sh on every start; edit the script, not this file
listeners.tcp.default = $HOST:$RMQ_PORT
default_user = cartrecovery
default_pass = cartrecovery
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
log.file.level = info
log.console = false
EOF
    if rmq_mgmt_wanted; then
        printf 'management.tcp.ip = %s\nmanagement.tcp.port = %s\n' "$HOST" "$RMQ_MGMT_PORT" >>"$RMQ_DIR/rabbitmq.conf"
        echo '[rabbitmq_management].' >"$RMQ_DIR/enabled_plugins"
    else
        echo '[].' >"$RMQ_DIR/enabled_plugins"
    fi
    [[ -e $RMQ_DIR/advanced.config ]] || echo '[].' >"$RMQ_DIR/advanced.config"
}

# phase 1: launch the node in the background (boot continues while postgres/smtp start)
rmq_launch() {
    RMQ_STATE=""
    if rmq_external; then RMQ_STATE=external; return; fi
    if rmq_running; then RMQ_STATE=running; return; fi
    port_open "$RMQ_PORT" && die "port $HOST:$RMQ_PORT is in use by another process (not our rabbitmq node)"
    [[ -x $RMQ_LIB_BIN/rabbitmq-server ]] || die "$RMQ_LIB_BIN/rabbitmq-server missing (is rabbitmq-server installed?)"
    local old
    old="$(read_pid "$RMQ_PID" || true)"
    if [[ -n $old ]] && rmq_is_ours "$old"; then
        # node process alive but AMQP port closed: still booting (another up) or wedged; wait below
        RMQ_STATE=launched
        return
    fi
    rm -f "$RMQ_PID"
    rmq_cookie
    rmq_write_conf
    port_open 4369 || touch "$RMQ_EPMD_MARK"
    rmq_env
    echo "==== $(date -Is) services.sh starting $RMQ_NODE" >>"$RMQ_STDOUT_LOG"
    (cd "$RMQ_DIR" && exec setsid nohup env "${RMQ_ENV[@]}" "$RMQ_LIB_BIN/rabbitmq-server" >>"$RMQ_STDOUT_LOG" 2>&1 </dev/null 9>&-) &
    echo $! >"$RMQ_LAUNCHER_PID"
    RMQ_STATE=launched
}

rmq_ensure_user() {
    local users
    users="$(rmqctl list_users 2>&1)" || { echo "$users" >&2; return 1; }
    if ! grep -Eq '^cartrecovery[[:space:]].*administrator' <<<"$users"; then
        if grep -Eq '^cartrecovery[[:space:]]' <<<"$users"; then
            rmqctl change_password cartrecovery cartrecovery >/dev/null
        else
            rmqctl add_user cartrecovery cartrecovery >/dev/null
        fi
        rmqctl set_user_tags cartrecovery administrator >/dev/null
        rmqctl set_permissions -p / cartrecovery '.*' '.*' '.*' >/dev/null
    fi
}

rmq_log_hint() { printf '%s and %s' "$RMQ_STDOUT_LOG" "$RMQ_DIR/log/$RMQ_NODE.log"; }

# phase 2: wait for it and make sure the user exists
rmq_finish() {
    case "$RMQ_STATE" in
    external)
        echo "rabbitmq: from environment (CARTRECOVERY_RABBITMQ), not started"
        return ;;
    running)
        echo "rabbitmq: already running on $HOST:$RMQ_PORT (node $RMQ_NODE, pid $(rmq_pid), data $(rel "$RMQ_DIR"))"
        return ;;
    esac
    local deadline=$((SECONDS + RMQ_WAIT)) launcher
    launcher="$(read_pid "$RMQ_LAUNCHER_PID" || true)"
    until rmq_running; do
        if ((SECONDS >= deadline)); then
            tail_log "$RMQ_STDOUT_LOG"
            die "rabbitmq node $RMQ_NODE did not open $HOST:$RMQ_PORT within ${RMQ_WAIT}s (read $(rmq_log_hint))"
        fi
        if [[ -n $launcher ]] && ! kill -0 "$launcher" 2>/dev/null && ! rmq_pid >/dev/null; then
            tail_log "$RMQ_STDOUT_LOG"
            die "rabbitmq node $RMQ_NODE exited during start (read $(rmq_log_hint))"
        fi
        sleep 0.5
    done
    rmqctl await_startup --timeout "$RMQ_WAIT" >/dev/null 2>&1 ||
        die "rabbitmq node $RMQ_NODE did not finish booting (read $(rmq_log_hint))"
    rmq_ensure_user || die "could not create rabbitmq user cartrecovery (read $(rmq_log_hint))"
    local extra=""
    if rmq_mgmt_wanted; then
        until port_open "$RMQ_MGMT_PORT"; do
            ((SECONDS >= deadline)) && die "rabbitmq management did not open $HOST:$RMQ_MGMT_PORT within ${RMQ_WAIT}s (read $(rmq_log_hint))"
            sleep 0.5
        done
        extra=", management on $RMQ_MGMT_URL_DEFAULT"
    fi
    echo "rabbitmq: started on $HOST:$RMQ_PORT (node $RMQ_NODE, pid $(rmq_pid), data $(rel "$RMQ_DIR")$extra)$(installed_note rabbitmq-server)"
}

rmq_down() {
    local p launcher
    launcher="$(read_pid "$RMQ_LAUNCHER_PID" || true)"
    if p="$(rmq_pid)"; then
        rmqctl stop "$RMQ_PID" >/dev/null 2>&1 || true
        local deadline=$((SECONDS + 30))
        while rmq_is_ours "$p" && ((SECONDS < deadline)); do sleep 0.5; done
        if rmq_is_ours "$p"; then
            kill -TERM "$p" 2>/dev/null || true
            sleep 3
            rmq_is_ours "$p" && kill -KILL "$p" 2>/dev/null || true
        fi
        echo "rabbitmq: stopped (node $RMQ_NODE, pid $p)"
    else
        echo "rabbitmq: not running"
    fi
    # the rabbitmq-server shell launcher exits with the node; make sure
    if [[ -n $launcher ]] && pid_matches "$launcher" "rabbitmq-server"; then kill -TERM "$launcher" 2>/dev/null || true; fi
    rm -f "$RMQ_PID" "$RMQ_LAUNCHER_PID"
    # epmd: only when our node started it and no other node is registered with it
    if [[ -e $RMQ_EPMD_MARK ]]; then
        local epmd names
        epmd="$(epmd_bin)"
        if [[ -n $epmd ]]; then
            names="$("$epmd" -names 2>/dev/null || true)"
            if grep -q '^name ' <<<"$names"; then
                echo "epmd: left running (other Erlang nodes registered)"
            elif port_open 4369; then
                "$epmd" -kill >/dev/null 2>&1 && echo "epmd: stopped (started by our rabbitmq node)"
            fi
        fi
        rm -f "$RMQ_EPMD_MARK"
    fi
}

rmq_status() {
    if rmq_external; then echo "rabbitmq: from environment (CARTRECOVERY_RABBITMQ)"; return; fi
    local p
    if p="$(rmq_pid)"; then
        if port_open "$RMQ_PORT"; then echo "rabbitmq: running on $HOST:$RMQ_PORT (node $RMQ_NODE, pid $p, data $(rel "$RMQ_DIR"))"
        else echo "rabbitmq: node process $p alive but $HOST:$RMQ_PORT does not answer (booting? read $(rmq_log_hint))"; fi
    elif [[ -e $RMQ_PID ]]; then echo "rabbitmq: stopped (stale pid file)"
    else echo "rabbitmq: stopped"; fi
}

# ---------------------------------------------------------------------------- SMTP sink

smtp_pid() { local p; p="$(read_pid "$SMTP_PID")" && pid_matches "$p" "aiosmtpd.*:$SMTP_PORT" && printf '%s' "$p"; }
smtp_running() { smtp_pid >/dev/null && port_open "$SMTP_PORT"; }

smtp_up() {
    if smtp_external; then
        echo "smtp: from environment (CARTRECOVERY_SMTP_HOST=$CARTRECOVERY_SMTP_HOST), not started"
        return
    fi
    if smtp_running; then
        echo "smtp: already running on $HOST:$SMTP_PORT (pid $(smtp_pid), maildir $(rel "$SMTP_MAILDIR"))"
        return
    fi
    port_open "$SMTP_PORT" && die "port $HOST:$SMTP_PORT is in use by another process (not our smtp sink)"
    [[ -x $SYS_PYTHON ]] || die "$SYS_PYTHON not found"
    "$SYS_PYTHON" -I -c 'import aiosmtpd.handlers' 2>/dev/null || die "$SYS_PYTHON cannot import aiosmtpd (is python3-aiosmtpd installed?)"
    mkdir -p "$SMTP_MAILDIR"/{new,cur,tmp}
    rm -f "$SMTP_PID"
    echo "==== $(date -Is) services.sh starting aiosmtpd" >>"$SMTP_LOG"
    # -I: ignore PYTHON* variables of the pyenv environment; -n: no setuid nobody; -u: SMTPUTF8
    (cd "$SMTP_DIR" && exec setsid nohup "$SYS_PYTHON" -I -u -m aiosmtpd -n -u -l "$HOST:$SMTP_PORT" \
        -c aiosmtpd.handlers.Mailbox "$SMTP_MAILDIR" >>"$SMTP_LOG" 2>&1 </dev/null 9>&-) &
    local p=$!
    echo "$p" >"$SMTP_PID"
    local deadline=$((SECONDS + SMTP_WAIT))
    until port_open "$SMTP_PORT"; do
        if ! kill -0 "$p" 2>/dev/null; then
            tail_log "$SMTP_LOG"
            die "smtp sink exited during start (read $SMTP_LOG)"
        fi
        if ((SECONDS >= deadline)); then
            tail_log "$SMTP_LOG"
            die "smtp sink did not answer on $HOST:$SMTP_PORT within ${SMTP_WAIT}s (read $SMTP_LOG)"
        fi
        sleep 0.2
    done
    echo "smtp: started on $HOST:$SMTP_PORT (pid $p, maildir $(rel "$SMTP_MAILDIR"))$(installed_note python3-aiosmtpd)"
}

smtp_down() {
    local p
    if p="$(smtp_pid)"; then
        kill -TERM "$p" 2>/dev/null || true
        local deadline=$((SECONDS + 10))
        while kill -0 "$p" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
        kill -0 "$p" 2>/dev/null && kill -KILL "$p" 2>/dev/null || true
        echo "smtp: stopped (pid $p)"
    else
        echo "smtp: not running"
    fi
    rm -f "$SMTP_PID"
}

smtp_status() {
    if smtp_external; then echo "smtp: from environment (CARTRECOVERY_SMTP_HOST=$CARTRECOVERY_SMTP_HOST)"; return; fi
    local p
    if p="$(smtp_pid)"; then
        if port_open "$SMTP_PORT"; then echo "smtp: running on $HOST:$SMTP_PORT (pid $p, maildir $(rel "$SMTP_MAILDIR"))"
        else echo "smtp: process $p alive but $HOST:$SMTP_PORT does not answer (read $SMTP_LOG)"; fi
    elif [[ -e $SMTP_PID ]]; then echo "smtp: stopped (stale pid file)"
    else echo "smtp: stopped"; fi
}

# ---------------------------------------------------------------------------- env file

write_env() {
    local tmp="$ENV_FILE.tmp.$$"
    {
        if pg_external; then echo "CARTRECOVERY_POSTGRES=$CARTRECOVERY_POSTGRES"
        else echo "CARTRECOVERY_POSTGRES=$PG_URL_DEFAULT"; fi
        if rmq_external; then
            echo "CARTRECOVERY_RABBITMQ=$CARTRECOVERY_RABBITMQ"
            [[ -n ${CARTRECOVERY_RABBITMQ_MANAGEMENT:-} ]] && echo "CARTRECOVERY_RABBITMQ_MANAGEMENT=$CARTRECOVERY_RABBITMQ_MANAGEMENT"
        else
            echo "CARTRECOVERY_RABBITMQ=$RMQ_URL_DEFAULT"
            port_open "$RMQ_MGMT_PORT" && echo "CARTRECOVERY_RABBITMQ_MANAGEMENT=$RMQ_MGMT_URL_DEFAULT"
        fi
        if smtp_external; then
            echo "CARTRECOVERY_SMTP_HOST=$CARTRECOVERY_SMTP_HOST"
            [[ -n ${CARTRECOVERY_SMTP_PORT:-} ]] && echo "CARTRECOVERY_SMTP_PORT=$CARTRECOVERY_SMTP_PORT"
            [[ -n ${CARTRECOVERY_SMTP_MAILDIR:-} ]] && echo "CARTRECOVERY_SMTP_MAILDIR=$CARTRECOVERY_SMTP_MAILDIR"
        else
            echo "CARTRECOVERY_SMTP_HOST=$HOST"
            echo "CARTRECOVERY_SMTP_PORT=$SMTP_PORT"
            echo "CARTRECOVERY_SMTP_MAILDIR=$SMTP_MAILDIR"
        fi
    } >"$tmp"
    mv -f "$tmp" "$ENV_FILE"
}

# ---------------------------------------------------------------------------- commands

lock() {
    mkdir -p "$SERVICES_DIR"
    exec 9>"$SERVICES_DIR/.lock"
    if ! flock -n 9; then
        note "waiting for another services.sh to finish (lock $SERVICES_DIR/.lock, up to 600s)"
        flock -w 600 9 || die "another services.sh still holds $SERVICES_DIR/.lock after 600s (see: fuser -v $SERVICES_DIR/.lock)"
    fi
}

cmd_up() {
    need_root up
    lock
    INSTALLED=()
    local pkgs=()
    pg_external || pkgs+=(postgresql)
    rmq_external || pkgs+=(rabbitmq-server)
    smtp_external || pkgs+=(python3-aiosmtpd)
    ((${#pkgs[@]})) && ensure_packages "${pkgs[@]}"
    rmq_launch # the broker boots while postgres starts
    pg_up
    rmq_finish
    smtp_up
    write_env
    cat "$ENV_FILE"
}

cmd_down() {
    need_root down
    lock
    pg_down
    rmq_down
    smtp_down
}

cmd_status() {
    pg_status
    rmq_status
    smtp_status
}

cmd_env() {
    [[ -f $ENV_FILE ]] || die "$ENV_FILE does not exist yet; run: $0 up"
    cat "$ENV_FILE"
}

case "${1:-up}" in
up) cmd_up ;;
down) cmd_down ;;
status) cmd_status ;;
env) cmd_env ;;
-h | --help | help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" ;;
*) die "unknown command '$1' (use: up | down | status | env)" ;;
esac
