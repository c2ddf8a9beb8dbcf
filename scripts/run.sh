#!/usr/bin/env bash
# Runs the service on http://127.0.0.1:5080 against local RabbitMQ, PostgreSQL and SMTP sink (started if needed).
#   scripts/run.sh           the service
#   scripts/run.sh --demo    the service, publishing realistic demo traffic for every journey
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

bash scripts/services.sh up
while IFS= read -r kv; do
  [ -n "$kv" ] && export "${kv?}"
done < .services/services.env

export ConnectionStrings__Postgres="$CARTRECOVERY_POSTGRES"
export ConnectionStrings__RabbitMq="$CARTRECOVERY_RABBITMQ"
export Smtp__Host="$CARTRECOVERY_SMTP_HOST"
export Smtp__Port="$CARTRECOVERY_SMTP_PORT"

exec dotnet run --project src/CartRecovery.Service -c Release --no-launch-profile -- --urls "${CARTRECOVERY_URLS:-http://127.0.0.1:5080}" "$@"
