# lingyan front door: build, run, test, bench, lint. Every target installs what it needs first.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BIN := build/release/lingyan
PORT ?= 8080

.PHONY: all deps web build run test test-unit test-asan test-integration test-web test-e2e bench fuzz format lint clean deb soak

all: build

deps:
	@scripts/install-deps.sh
	@if [ -f web/package-lock.json ]; then scripts/npm-ci.sh web; fi

web: deps
	@if [ -f web/package.json ]; then cd web && npm run build --silent; fi

build: deps web
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

run: build
	rm -f build/demo.db build/demo.db-wal build/demo.db-shm
	$(BIN) serve --demo --port $(PORT) --db sqlite:build/demo.db

# The tests' databases (PostgreSQL's data folder, the SQLite files and the servers' side files) go
# to tmpfs when the machine has one: the tests create and drop about 900 databases, which on ext4
# cost more CPU than the tests' own work (ctest measured 382 s on /tmp, 274 s on /dev/shm).
TEST_TMP := $(shell [ -d /dev/shm ] && [ -w /dev/shm ] && echo /dev/shm || echo /tmp)

test: build
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS) --target lingyan_unit_tests
	cd build/asan && ctest --output-on-failure -L unit -j $(JOBS)
	LINGYAN_PG_TMPDIR=$(TEST_TMP) TMPDIR=$(TEST_TMP) scripts/with-postgres.sh bash -c 'cd build/release && ctest --output-on-failure -j $(JOBS) --timeout 900'
	tests/fuzz/run.sh 20
	@if [ -f web/package.json ]; then cd web && npm test --silent; fi
	@if [ -f tests/e2e/run.sh ]; then TMPDIR=$(TEST_TMP) tests/e2e/run.sh $(BIN); fi

bench: build
	@for b in build/release/bench/*_bench; do echo "== $$b"; $$b; done
	@for s in bench/*.sh; do [ -x "$$s" ] && { echo "== $$s"; scripts/with-postgres.sh $$s $(BIN); }; done; true

# The fuzz targets for longer than make test gives them (seconds for the roster importer; the others half).
fuzz:
	tests/fuzz/run.sh $${FUZZ_SECONDS:-600}

# A Debian package with a hardened systemd unit and the nginx example (scripts/build-deb.sh).
deb: build
	scripts/build-deb.sh $(BIN)

# The fault scripts at full size (tests/fault/README.md); make test runs them small.
soak: build
	scripts/with-postgres.sh tests/fault/run_all.sh $(BIN) full

format:
	find src tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

lint:
	run-clang-tidy -p build/release -quiet 'src/.*' 2>/dev/null || clang-tidy -p build/release $$(find src -name '*.cpp')

clean:
	rm -rf build
