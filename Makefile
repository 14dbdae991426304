# A thin wrapper: meson and ninja do the work. `make run` and `make test`
# install what they need first (apt-get, with sudo when not root).
BUILD ?= build
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTHON := /usr/bin/python3
XVFB := xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session --

BUILD_DEPS := meson ninja-build pkg-config gcc libgtk-4-dev libjson-glib-dev gettext \
	desktop-file-utils appstream libglib2.0-bin adwaita-icon-theme librsvg2-common
TEST_DEPS := xvfb xauth dbus-daemon dbus-x11 at-spi2-core python3 python3-jsonschema fonts-dejavu-core

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
	ENTENTE_LOCALEDIR=$(CURDIR)/$(BUILD)/po ./$(BUILD)/app/entente

test: test-deps build
	@status=0; \
	$(XVFB) meson test -C $(BUILD) --print-errorlogs || status=$$?; \
	$(PYTHON) tests/summarize.py $(BUILD)/meson-logs/testlog.json || status=1; \
	exit $$status

clean:
	rm -rf $(BUILD)
