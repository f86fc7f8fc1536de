# Shared helpers of the suite scripts: counting results, finding tools.
# shellcheck shell=bash

SUITE_PASSED=0
SUITE_FAILED=0

# Test builds keep the disk small: a full run builds about fifty test binaries, and with
# incremental caches and full debug info they took 12 GB, more than a CI machine may have
# free. Without them a run fits in a few GB; a failing test still names its file and line.
# Set these yourself to debug with a debugger.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
export CARGO_PROFILE_DEV_DEBUG="${CARGO_PROFILE_DEV_DEBUG:-0}"
export CARGO_PROFILE_TEST_DEBUG="${CARGO_PROFILE_TEST_DEBUG:-0}"
export CARGO_PROFILE_RELEASE_DEBUG="${CARGO_PROFILE_RELEASE_DEBUG:-0}"

# step NAME CMD...: runs a command that is one check; counts 1 passed or 1 failed.
step() {
  local name=$1; shift
  echo "--> $name"
  if "$@"; then
    SUITE_PASSED=$((SUITE_PASSED + 1))
  else
    echo "FAILED: $name"
    SUITE_FAILED=$((SUITE_FAILED + 1))
  fi
}

# add_counts PASSED FAILED: adds counts parsed from a test runner's output.
add_counts() {
  SUITE_PASSED=$((SUITE_PASSED + $1))
  SUITE_FAILED=$((SUITE_FAILED + $2))
}

# suite_result: the line scripts/test reads.
suite_result() {
  echo "SUITE-RESULT: $SUITE_PASSED passed, $SUITE_FAILED failed"
  [ "$SUITE_FAILED" -eq 0 ]
}

# suite_skip WHY: the suite cannot run here.
suite_skip() {
  echo "SUITE-SKIP: $*"
  exit 0
}

# The Python interpreter every cargo call of the project uses (pyo3 rebuilds when it changes).
project_python() {
  if [ -n "${PYO3_PYTHON:-}" ]; then echo "$PYO3_PYTHON"; return; fi
  command -v python3 || true
}
