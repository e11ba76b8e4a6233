# Kassa: the two commands are `make run` and `make test` (see README).
SHELL := /bin/bash
.DEFAULT_GOAL := run

# ccache shared between checkouts (CI builds a fresh clone in another folder).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true
export CCACHE_MAXSIZE ?= 5G

PORT ?= 8080
DEMO_DB ?= sqlite:var/kassa.db
DEMO_OPERATIONS ?= 200000

.PHONY: run test build bootstrap build-server build-web bench clean

bootstrap:
	@scripts/bootstrap

build-server: bootstrap
	@[ -f build/build.ninja ] || cmake --preset release >/dev/null
	@ninja -C build kassa

build-web: bootstrap
	@cd web && npm run --silent build

build: build-server build-web

run: build
	@build/kassa seed --db $(DEMO_DB) --operations $(DEMO_OPERATIONS)
	@echo
	@echo "Kassa: open http://localhost:$(PORT) (Ctrl-C stops the server)"
	@echo
	@build/kassa serve --db $(DEMO_DB) --listen 127.0.0.1:$(PORT)

test: bootstrap
	@scripts/test

bench: build
	@scripts/bench

clean:
	rm -rf build build-asan web/dist
