# memblock: top-level convenience targets. The build itself is CMake.
#   make           build into build/
#   make check     install deps, build, run every test (+ ASan/UBSan build)
#   make demo      install deps, build, simulate the seed board's boot
#   make bench     run the benchmarks in bench/
#   make prop SEED=n COUNT=m   differential property test
#   make soak SECONDS=n        property test for a given time
#   make fuzz FUZZ_SECONDS=n   every libFuzzer target
#   make qemu-check / qemu-demo  bare-metal examples under QEMU
#   make install [PREFIX=/usr/local]
#   make format    clang-format every C source
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD ?= build
CMAKE_FLAGS ?=
PREFIX ?= /usr/local
SEED ?= 1
COUNT ?= 1000
SECONDS ?= 600
FUZZ_SECONDS ?= 60

.PHONY: all build deps check demo bench prop soak fuzz qemu-check qemu-demo \
        install format clean

all: build

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

deps:
	scripts/install-deps.sh --all

check:
	scripts/check.sh

demo:
	scripts/install-deps.sh --core
	$(MAKE) build
	scripts/demo.sh $(BUILD)

bench: build
	scripts/bench.sh $(BUILD)

prop: build
	$(BUILD)/bin/memblock-prop --seed $(SEED) --count $(COUNT)

soak: build
	$(BUILD)/bin/memblock-prop --seed $(SEED) --seconds $(SECONDS)

fuzz:
	scripts/install-deps.sh --core
	scripts/fuzz.sh $(FUZZ_SECONDS)

qemu-check: build
	scripts/install-deps.sh --qemu
	MEMBLOCK_BIN=$(BUILD)/bin/memblock scripts/qemu.sh check

qemu-demo: build
	scripts/install-deps.sh --qemu
	scripts/qemu.sh demo

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

format:
	git ls-files '*.c' '*.h' | xargs clang-format -i

clean:
	rm -rf build build-*
