#!/usr/bin/env bash
# System packages the full test-suite uses: PostgreSQL (store tests on both backends) and
# Debian's Chromium + chromedriver (browser tests). Best effort: where apt is not usable the
# tests that need them skip with a clear message.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing system packages: ${need[*]}" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null) \
      || echo "warning: could not install ${need[*]}; tests needing them will skip" >&2
  else
    echo "warning: missing ${need[*]} and no root apt-get; tests needing them will skip" >&2
  fi
fi
if [ -x scripts/start_postgres.sh ]; then
  bash scripts/start_postgres.sh || echo "warning: PostgreSQL did not start; PostgreSQL tests will skip" >&2
fi
exit 0
