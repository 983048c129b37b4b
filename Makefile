# statecraft — the two commands a new user needs are `make demo` and `make test`.
#   make demo          install what is missing, build, analyse the built-in scenario
#   make test          install what is missing, build, run every test
#   make build         only build (build/statecraft)
#   make bench         build and run the benchmarks (Release)
#   make format        clang-format every C++ file; make format-check only checks
#   make test-asan     every test but the browser, wheel, DEU fit, heavy and load tests (labels
#                      browser, wheel, fit, heavy, load), with AddressSanitizer and UBSan
#   make test-tsan     the threaded tests (parallel sweeps, server, load) with ThreadSanitizer
#   make fuzz          each libFuzzer target for FUZZ_SECONDS seconds (default 60)
#   make python        build the Python module into build/python (PYTHONPATH=build/python)
#   make wheel         the Python wheel in build/dist, packed from the same build (no second compile)
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
CXX_SOURCES = $(shell git ls-files '*.cc' '*.h' 2>/dev/null)

FUZZ_SECONDS ?= 60
# The sanitizer build is optimised at -O1 with line tables only (-g1): the level AddressSanitizer's
# own documentation advises, enough for file:line in every report, and half the compile time of
# -O2 -g, which dominates CI.
ASAN_OPT_FLAGS ?= -O1 -g1 -DNDEBUG

.PHONY: all deps build test test-asan test-tsan fuzz demo bench format format-check python wheel \
  clean

all: build

deps:
	scripts/install-deps

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

python: $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS) --target statecraft_python

# setup.py builds only the module's target in $(BUILD_DIR) (up to date after `make python`) and
# packs it with python/statecraft/ into a wheel; pip runs offline with Debian's setuptools.
wheel: python
	STATECRAFT_BUILD_DIR=$(abspath $(BUILD_DIR)) STATECRAFT_JOBS=$(JOBS) /usr/bin/python3 -m pip \
	  wheel --no-index --no-build-isolation --no-deps --wheel-dir $(BUILD_DIR)/dist .

test: deps
	$(MAKE) build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

test-asan: deps
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTATECRAFT_SANITIZE=ON \
	  -DSTATECRAFT_BENCHMARKS=OFF -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$(ASAN_OPT_FLAGS)"
	cmake --build build-asan -j $(JOBS)
	ctest --test-dir build-asan --output-on-failure -j $(JOBS) -LE 'browser|wheel|fit|heavy|load'

# ThreadSanitizer through the compiler flags (it cannot be combined with ASan): the programs of
# the threaded tests only, and those tests — the sweeps, what-ifs and optimisations on several
# threads, the server's API and jobs — then the server under concurrent load (300 requests:
# TSan runs 5-15 times slower).
TSAN_TESTS = SweepTest|WhatifTest|OptimizeTest|ApiServerTest
test-tsan: deps
	cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" \
	  -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread -DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=thread \
	  -DSTATECRAFT_BENCHMARKS=OFF -DSTATECRAFT_PYTHON=OFF
	cmake --build build-tsan -j $(JOBS) --target analysis_test web_api_test statecraft_cli
	TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
	  ctest --test-dir build-tsan --output-on-failure -R '$(TSAN_TESTS)'
	TSAN_OPTIONS="halt_on_error=1 suppressions=$(CURDIR)/web/server/tsan_suppressions.txt" \
	  python3 web/server/load_test.py build-tsan/statecraft --requests 300

fuzz: deps
	scripts/fuzz $(FUZZ_SECONDS)

demo: deps
	$(MAKE) build
	./$(BUILD_DIR)/statecraft
	./$(BUILD_DIR)/statecraft report -o $(abspath $(BUILD_DIR))/report.html

bench: deps
	$(MAKE) build
	for program in $(BUILD_DIR)/bench/*_bench; do $$program; done

format:
	clang-format -i $(CXX_SOURCES)

format-check:
	clang-format --dry-run --Werror $(CXX_SOURCES)

clean:
	rm -rf $(BUILD_DIR)
