# The two set-up commands of README.md: `make site` builds the site into Public/,
# `make test` runs the whole test suite. Both install libcmark-dev, zlib1g-dev, libvips-dev,
# libmimalloc-dev and pkg-config when they are missing.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
ASOF ?=

.PHONY: site test unit-tests site-checks deps check clean

deps:
	@dpkg -s libcmark-dev zlib1g-dev libvips-dev libmimalloc-dev pkg-config >/dev/null 2>&1 || { \
		echo "installing libcmark-dev (CommonMark), zlib1g-dev, libvips-dev (photos), libmimalloc-dev (memory allocator) and pkg-config"; \
		$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q libcmark-dev zlib1g-dev libvips-dev libmimalloc-dev pkg-config; }

.build/release/bulletin: deps $(shell find Sources -type f) Package.swift
	$(SWIFT) build -c release --product bulletin

site: .build/release/bulletin
	.build/release/bulletin build $(if $(ASOF),--as-of $(ASOF))

check: .build/release/bulletin
	.build/release/bulletin check

test: unit-tests site-checks

unit-tests: deps
	$(SWIFT) build
	$(SWIFT) test

# Nu HTML Checker, linkchecker under a sub-path served by nginx, feed and sitemap, axe-core and
# reader checks in headless Chromium, deploy/nginx.conf over HTTPS, `bulletin publish` to sshd on
# loopback, screenshots. Installs its Debian and PyPI packages itself.
site-checks: deps
	$(SWIFT) build --product bulletin
	Tests/SiteChecks/run

clean:
	rm -rf .build Public .Public.previous .Public.manifest .Public.tmp-*
