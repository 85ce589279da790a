# Sourced by `make test`: points the tests at the services scripts/system_deps.sh started.
if [ -f .cache/postgres.env ]; then
  . .cache/postgres.env
  export WIRECODER_TEST_PG
fi
