# A thin wrapper: meson and ninja do the work. `make run` and `make test`
# install what they need first (apt-get, with sudo when not root).
BUILD ?= build
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTHON := /usr/bin/python3
XVFB := xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session --

BUILD_DEPS := meson ninja-build pkg-config gcc libgtk-4-dev libadwaita-1-dev libjson-glib-dev gettext \
	desktop-file-utils appstream libglib2.0-bin adwaita-icon-theme librsvg2-common
TEST_DEPS := xvfb xauth libxml2-utils dbus-daemon dbus-x11 at-spi2-core python3 python3-jsonschema fonts-dejavu-core \
	valgrind python3-dogtail gsettings-desktop-schemas flatpak flatpak-builder shared-mime-info

.PHONY: all deps test-deps setup build run test clean

all: build

deps:
	@missing=$$(for p in $(BUILD_DEPS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test-deps: deps
	@missing=$$(for p in $(TEST_DEPS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BUILD)/build.ninja:
	meson setup $(BUILD)

setup: deps $(BUILD)/build.ninja

build: setup
	meson compile -C $(BUILD)

run: build
	ENTENTE_LOCALEDIR=$(CURDIR)/$(BUILD)/po GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILD)/data ./$(BUILD)/app/entente

test: test-deps build
	@status=0; \
	$(XVFB) meson test -C $(BUILD) --print-errorlogs || status=$$?; \
	$(PYTHON) tests/summarize.py $(BUILD)/meson-logs/testlog.json || status=1; \
	exit $$status

clean:
	rm -rf $(BUILD)

# Fuzzing and sanitizers (clang, libFuzzer, ASan, UBSan).
FUZZ_SECONDS ?= 600
FUZZ_DEPS := clang libclang-rt-14-dev
SANITIZE_BUILD ?= build-asan

.PHONY: fuzz-deps fuzz test-sanitizers test-valgrind

SANITIZER_ENV := ENTENTE_TEST_WAIT_SCALE=3 ASAN_OPTIONS=fast_unwind_on_malloc=0:detect_leaks=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:fast_unwind_on_malloc=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

$(SANITIZE_BUILD)/build.ninja:
	meson setup $(SANITIZE_BUILD) -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug \
	  -Dc_args=-fsanitize=float-cast-overflow -Dc_link_args=-fsanitize=float-cast-overflow

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer
# (but the window's second run on Mesa's software GL, which takes over six
# minutes there: the same code of ours as the Cairo run),
# an unoptimized build several times slower than the one the tests'
# timeouts are set for (the UI suite took 109 s of its 120 on a busy day).
test-sanitizers: test-deps $(SANITIZE_BUILD)/build.ninja
	meson compile -C $(SANITIZE_BUILD)
	@status=0; \
	$(SANITIZER_ENV) $(XVFB) meson test -C $(SANITIZE_BUILD) --print-errorlogs --timeout-multiplier 3 --no-suite gl || status=$$?; \
	$(PYTHON) tests/summarize.py $(SANITIZE_BUILD)/meson-logs/testlog.json || status=1; \
	exit $$status

# The loader, corpus, layout and renderer tests under valgrind memcheck.
test-valgrind: test-deps build
	@status=0; \
	meson test -C $(BUILD) --setup valgrind --print-errorlogs \
	  test-date test-loader test-json-reader test-time-filter test-bad-corpus test-layout test-pivots test-render test-raster test-rect-grid test-label-placer || status=$$?; \
	$(PYTHON) tests/summarize.py $(BUILD)/meson-logs/testlog-valgrind.json || status=1; \
	exit $$status

fuzz-deps: deps
	@missing=$$(for p in $(FUZZ_DEPS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build-fuzz/build.ninja:
	CC=clang meson setup build-fuzz -Dfuzzing=true -Db_lundef=false -Dbuildtype=debugoptimized

# Each target runs for FUZZ_SECONDS, with a dictionary of JSON and of the
# look-alikes (comments, single quotes, surrogates) the strict reader refuses.
fuzz: fuzz-deps build-fuzz/build.ninja
	meson compile -C build-fuzz tests/fuzz/fuzz-loader tests/fuzz/fuzz-arrangement
	mkdir -p build-fuzz/corpus build-fuzz/corpus-arrangement
	./build-fuzz/tests/fuzz/fuzz-loader -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	  -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=build-fuzz/ -dict=tests/fuzz/json.dict \
	  build-fuzz/corpus tests/bad tests/odd data
	./build-fuzz/tests/fuzz/fuzz-arrangement -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=10 \
	  -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=build-fuzz/arrangement- -dict=tests/fuzz/json.dict \
	  build-fuzz/corpus-arrangement tests/fuzz/arrangements

# The README's and metainfo's screenshots, rendered from the running window.
SHOT := ENTENTE_LOCALEDIR=$(CURDIR)/$(BUILD)/po GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILD)/data GSETTINGS_BACKEND=memory \
	GDK_BACKEND=x11 GSK_RENDERER=cairo LANG=C.UTF-8 $(XVFB) ./$(BUILD)/tests/entente-screenshot

.PHONY: screenshots
screenshots: test-deps build
	LANGUAGE=en $(SHOT) data/screenshots/entity-selected.png select-entity=openai
	LANGUAGE=en $(SHOT) data/screenshots/relation-selected.png select-relation=invest-2019
	LANGUAGE=en $(SHOT) data/screenshots/quote-selected.png show-quote=nadella-davos
	LANGUAGE=fr $(SHOT) data/screenshots/replay-fr.png play=9.5

# Speed and memory figures (see README, "Speed"); not tests, so not in CI.
BENCH_DEPS := graphviz python3-numpy nodejs npm

.PHONY: bench bench-compare
bench: build
	./$(BUILD)/tests/bench/entente-bench --sizes 1000,10000,50000,100000
	$(XVFB) env GDK_BACKEND=x11 GSK_RENDERER=cairo ENTENTE_LOCALEDIR=$(CURDIR)/$(BUILD)/po \
	  GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILD)/data ./$(BUILD)/tests/bench/entente-bench --startup

bench-compare: build
	@missing=$$(for p in $(BENCH_DEPS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	tests/bench/compare.sh $(BUILD)
