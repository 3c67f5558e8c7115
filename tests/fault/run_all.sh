#!/usr/bin/env bash
# make soak: the fault tests at full size (run under scripts/with-postgres.sh for the PostgreSQL
# cases). Usage: tests/fault/run_all.sh [BINARY] [small|full]
set -euo pipefail
cd "$(dirname "$0")/../.."
export LINGYAN_FAULT_SIZE=${2:-full}
BIN=${1:-build/release/lingyan}
build/release/tests/lingyan_fault_tests --gtest_color=no 2>&1 | tee build/fault-${LINGYAN_FAULT_SIZE}.log | grep -E '^\[(fault|  FAILED|  PASSED|       OK)'
status=${PIPESTATUS[0]}
# Two servers behind nginx, one killed (needs nginx: apt-get install nginx-light).
tests/fault/nginx_failover.sh "$BIN" 10 || status=1
exit "$status"
