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
export Smtp__Security="${Smtp__Security:-None}"

# Secrets are made once per checkout, kept out of git in .services/; production sets its own.
secrets=.services/secrets.env
touch "$secrets" && chmod 600 "$secrets"
for key in Delivery__Links__Secret Delivery__Discounts__Secret Privacy__PseudonymSecret Api__Key; do
  grep -q "^${key}=" "$secrets" || echo "${key}=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')" >> "$secrets"
done
while IFS= read -r kv; do
  [ -n "$kv" ] && export "${kv?}"
done < "$secrets"

# Where links in emails land; a local run has no shop, so they point at an example one unless you set yours.
export Delivery__Links__ShopUrl="${Delivery__Links__ShopUrl:-https://shop.example/}"
export Delivery__Links__CartUrlTemplate="${Delivery__Links__CartUrlTemplate:-https://shop.example/cart/{cartId}}"

echo "API key for /api (header X-Api-Key): $Api__Key   (kept in $secrets)"
exec dotnet run --project src/CartRecovery.Service -c Release --no-launch-profile -- --urls "${CARTRECOVERY_URLS:-http://127.0.0.1:5080}" "$@"
