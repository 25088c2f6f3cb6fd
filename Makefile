# tillit: build, test and install.
#
#   make run                      install what is missing, build, start tillit with the shipped decks
#   make test                     install what the tests need, then every test (the slow-room check, swift test)
#   make                          release build
#   make install PREFIX=/usr/local   tillit and tillit-room to PREFIX/bin, decks to PREFIX/share/tillit/Cards
#   make uninstall PREFIX=/usr/local
#
# DESTDIR is prepended to every installed path (for packaging). SCRATCH sets
# SwiftPM's build folder. SWIFT_BUILD_FLAGS default to a Swift runtime linked in
# statically, so the installed binaries run without the toolchain. With
# STATIC_PIE=1 (the default) tillit is one self-contained static-pie binary
# (Package.swift): the Swift runtime, Foundation, ncurses, libstdc++ and glibc
# linked in (with lld, which can link static-pie; gold cannot), relative
# relocations packed (DT_RELR). Nothing is left for the dynamic loader to do:
# no ld.so, no shared-library symbol look-ups, so start-up runs some 3.2 M
# instructions fewer (callgrind; `tillit --version` 4.1 M -> 0.9 M) and 4.6 MB
# less is resident. It stays position-independent: a program that reads untrusted
# deck files and holds people's words keeps address randomisation of its code.
# glibc linked in statically still loads its NSS modules for user look-ups;
# tillit takes its folders from $HOME, so that only matters without one.
# `make print-build-flags` prints them, for scripts/bench (which sets TILLIT_STATIC_PIE too).

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SCRATCH ?= .build
SWIFT_BUILD_FLAGS ?= --static-swift-stdlib --disable-local-rpath
STATIC_PIE ?= 1

BINDIR := $(DESTDIR)$(PREFIX)/bin
CARDSDIR := $(DESTDIR)$(PREFIX)/share/tillit/Cards
DECKS := $(wildcard Cards/*.yaml)
RELEASE := TILLIT_STATIC_PIE=$(STATIC_PIE) $(SWIFT) build -c release --scratch-path $(SCRATCH) $(SWIFT_BUILD_FLAGS)

.PHONY: all build run setup-run setup-test install uninstall test print-build-flags

all: build

build:
	$(RELEASE)

install: build
	install -d "$(BINDIR)" "$(CARDSDIR)"
	install -m 0755 "$$($(RELEASE) --show-bin-path)/tillit" "$(BINDIR)/tillit"
	install -m 0755 "$$($(RELEASE) --show-bin-path)/tillit-room" "$(BINDIR)/tillit-room"
	install -m 0644 $(DECKS) "$(CARDSDIR)/"

# Removes what install put there; decks someone else added to Cards/ stay.
uninstall:
	rm -f "$(BINDIR)/tillit" "$(BINDIR)/tillit-room"
	rm -f $(addprefix "$(CARDSDIR)"/,$(notdir $(DECKS)))
	-rmdir "$(CARDSDIR)" "$(DESTDIR)$(PREFIX)/share/tillit" 2>/dev/null

# scripts/setup installs missing Debian packages (as root or with sudo), or
# prints the apt-get line and stops.
setup-run:
	scripts/setup run

setup-test:
	scripts/setup test

# tillit-room is built too: `v` starts it from beside tillit.
run: setup-run
	$(SWIFT) build --scratch-path $(SCRATCH) --product tillit-room
	$(SWIFT) run --scratch-path $(SCRATCH) tillit

# The slow-connection check runs first, so swift test's count is the last line.
test: setup-test
	SCRATCH=$(SCRATCH) scripts/check-room-slow
	$(SWIFT) test --scratch-path $(SCRATCH)

print-build-flags:
	@echo $(SWIFT_BUILD_FLAGS)
