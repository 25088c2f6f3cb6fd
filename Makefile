# tillit: build, test and install.
#
#   make                          release build
#   make test                     swift test
#   make install PREFIX=/usr/local   binary to PREFIX/bin, decks to PREFIX/share/tillit/Cards
#   make uninstall PREFIX=/usr/local
#
# DESTDIR is prepended to every installed path (for packaging). SCRATCH sets
# SwiftPM's build folder; SWIFT_BUILD_FLAGS defaults to a Swift runtime linked
# in statically, so the installed binary runs without the toolchain. Without
# $ORIGIN in its library path it does not look for ncurses beside itself first.
# It stays position-independent: linking it at a fixed address (-no-pie) would
# start it about 1 ms sooner (no relocations for the loader), but its code would
# then always sit at the same address, and a program that reads untrusted deck
# files and holds people's words keeps that hardening.
# `make print-build-flags` prints them, for scripts/bench.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SCRATCH ?= .build
SWIFT_BUILD_FLAGS ?= --static-swift-stdlib --disable-local-rpath

BINDIR := $(DESTDIR)$(PREFIX)/bin
CARDSDIR := $(DESTDIR)$(PREFIX)/share/tillit/Cards
DECKS := $(wildcard Cards/*.yaml)
RELEASE := $(SWIFT) build -c release --scratch-path $(SCRATCH) $(SWIFT_BUILD_FLAGS)

.PHONY: all build install uninstall test print-build-flags

all: build

build:
	$(RELEASE)

install: build
	install -d "$(BINDIR)" "$(CARDSDIR)"
	install -m 0755 "$$($(RELEASE) --show-bin-path)/tillit" "$(BINDIR)/tillit"
	install -m 0644 $(DECKS) "$(CARDSDIR)/"

# Removes what install put there; decks someone else added to Cards/ stay.
uninstall:
	rm -f "$(BINDIR)/tillit"
	rm -f $(addprefix "$(CARDSDIR)"/,$(notdir $(DECKS)))
	-rmdir "$(CARDSDIR)" "$(DESTDIR)$(PREFIX)/share/tillit" 2>/dev/null

test:
	$(SWIFT) test --scratch-path $(SCRATCH)

print-build-flags:
	@echo $(SWIFT_BUILD_FLAGS)
