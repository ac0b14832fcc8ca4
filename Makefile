# Two commands that work on a fresh Debian machine with Swift:
#   make run    the browser on the bundled sample
#   make test   the tests
# Each installs the Debian packages it needs when they are missing.

DEB_PACKAGES := libsqlite3-dev libncurses-dev libxml2-dev python3 python3-venv tmux openssh-client
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RUN_DB := $(or $(BILAN_DB),$(CURDIR)/.build/sample.sqlite)

.PHONY: deps build run test bench release clean-db

deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build

run: build
	BILAN_DB="$(RUN_DB)" .build/debug/bilan

# swift test builds .build/debug/bilan (the CLI tests run it); the browser is then driven on a
# pseudo-terminal through a terminal emulator (pyte, installed into .build/e2e-venv from PyPI), and
# `bilan serve` is tried with the real OpenSSH client inside tmux.
test: deps
	swift test
	swift build --product bilan-serve
	swift build --product bilan-web
	Tests/e2e/run.sh .build/debug/bilan
	Tests/e2e/ssh_e2e.sh .build/debug/bilan

# Release binaries link the Swift runtime and Foundation statically: each `bilan` process starts
# about 5 ms sooner (no loading and relocating libFoundation), and a copied binary runs anywhere.
release: deps
	swift build -c release --static-swift-stdlib

# The whole benchmark (issue #6): every size, every comparison, one table. See scripts/bench.
bench:
	scripts/bench

clean-db:
	rm -f .build/sample.sqlite .build/sample.sqlite-wal .build/sample.sqlite-shm
