# The README's set-up commands. On a fresh Debian 12 machine:
#   make run    installs the dependencies, builds (Release), opens the workbench on its demo data
#   make test   installs the dependencies, builds, runs every test suite through CTest
#   make bench  builds and runs the benchmarks (prints figures; not part of make test or CI)
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release -DEQLWB_BUILD_BENCH=ON

.PHONY: all deps configure build run test bench clean

all: build

deps:
	@packaging/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

run: build
	@packaging/run-demo.sh $(BUILD)

test: build
	@cd $(BUILD) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j$(JOBS)

bench: build
	@cmake --build $(BUILD) --target bench

clean:
	rm -rf $(BUILD)
