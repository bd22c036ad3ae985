# OpenNRM. `make run` and `make test` are all a new user needs; `make help` lists the rest.
SHELL := /bin/bash
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)
CONFIG ?= $(if $(wildcard opennrm.toml),opennrm.toml,)
CONFIG_FLAG := $(if $(CONFIG),-c $(CONFIG),)
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true

.PHONY: help deps configure build server web run test test-unit test-storage test-api test-contract \
        test-web test-e2e sanitize format format-check lint check-layers bench refdata clean

help: ## List every target
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

deps: ## Install missing Debian packages and npm dependencies (idempotent)
	@scripts/install-deps

configure: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null

server: configure ## Build the opennrm binary and the C++ tests
	@ninja -C $(BUILD) -j $(JOBS)

web: deps ## Build the web app into web/dist
	@cd web && npm run --silent build

build: server web ## Build everything

run: build ## Install, build, migrate, seed and serve http://127.0.0.1:8080 on embedded SQLite
	@echo "OpenNRM: serving http://127.0.0.1:8080 (data in var/data; Ctrl-C stops)"
	@./$(BUILD)/opennrm serve $(CONFIG_FLAG)

test: build ## Run every test tier; ends with one line "N passed, N failed"
	@scripts/run-tests all

test-unit: server ## Unit tests beside the code
	@scripts/run-tests unit

test-storage: server ## The storage contract on SQLite and a throwaway PostgreSQL
	@scripts/run-tests storage

test-api: server ## Black-box HTTP tests against the binary
	@scripts/run-tests api

test-contract: server ## OpenAPI lint and route drift
	@scripts/run-tests contract

test-web: web ## Web unit tests (Vitest) and lint
	@scripts/run-tests web

test-e2e: build ## Browser tests (Chromium) against a running server
	@scripts/run-tests e2e

sanitize: deps ## Unit and API tests under AddressSanitizer and UndefinedBehaviorSanitizer
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DOPENNRM_SANITIZE=ON -DOPENNRM_BENCHMARKS=OFF > /dev/null
	@ninja -C $(ASAN_BUILD) -j $(JOBS)
	@BUILD=$(ASAN_BUILD) scripts/run-tests unit api

format: ## Format the C++ sources with clang-format
	@scripts/check-format --fix

format-check: ## Check C++ formatting
	@scripts/check-format

lint: configure ## clang-tidy over the C++ sources, and the web lint
	@run-clang-tidy -quiet -p $(BUILD) 'src/(core|domain|app|ports)/' 2>/dev/null | grep -E 'warning|error' || true
	@cd web && npm run --silent lint

check-layers: ## Check the layer rule (server -> cli, http, storage -> app -> ports -> domain -> core)
	@scripts/check-layers --self-test && scripts/check-layers

bench: build ## HTTP benchmarks (wrk) against a benchmark server; see docs/benchmarks.md
	@bench/run-all

refdata: ## Regenerate data/countries.csv and data/languages.csv from Debian's iso-codes
	@scripts/gen-iso-refdata

clean: ## Remove build output (not var/, which holds your data)
	@rm -rf $(BUILD) $(ASAN_BUILD) web/dist
