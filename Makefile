# SPDX-License-Identifier: MIT
# tiendo: track a government plan's tasks, targets and reports in a terminal.

# The version, written here only: tiendo --version and the man pages take it
# from this line (see NEWS).
VERSION = 0.1.0

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man/man1
MANDIR_VI ?= $(PREFIX)/share/man/vi/man1
DATADIR ?= $(PREFIX)/share/tiendo
DESTDIR ?=

CC ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
WERROR ?= -Werror
WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
       -Wpointer-arith -Wcast-qual -Wundef $(WERROR)
PKGS = ncursesw sqlite3 libutf8proc xlsxwriter libzip libsodium expat
# Asked once per make run (:=), not once per file compiled; the targets that
# install dependencies first (run, check...) build in a second make.
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
ifeq ($(PKG_LIBS),)
ifneq ($(filter-out deps check-deps run check demo demo-reset memcheck crash concurrency bench clean uninstall,$(or $(MAKECMDGOALS),all)),)
$(info tiendo: pkg-config does not find $(PKGS): `make deps` installs them (Debian, as root); see INSTALL)
endif
endif
# libxlsxwriter and libzip (with the libcrypto they bring, ~3 ms of CPU at
# every start) are loaded on first use (src/lazylib.h) when their sonames are
# found here; LAZY=no links them as the others.
LAZY ?= $(if $(findstring linux,$(shell $(CC) -dumpmachine 2>/dev/null)),yes,no)
ifeq ($(LAZY),yes)
soname = $(shell f=$$($(CC) -print-file-name=$(1)) && [ -e "$$f" ] && \
	objdump -p "$$f" 2>/dev/null | awk '$$1 == "SONAME" { print $$2 }')
XLSXWRITER_SO := $(call soname,libxlsxwriter.so)
ZIP_SO := $(call soname,libzip.so)
endif
ifneq ($(XLSXWRITER_SO),)
ifneq ($(ZIP_SO),)
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(filter-out xlsxwriter libzip,$(PKGS)) 2>/dev/null) -ldl
LAZY_CPPFLAGS = -DTIENDO_XLSXWRITER_SO='"$(XLSXWRITER_SO)"' -DTIENDO_ZIP_SO='"$(ZIP_SO)"'
endif
endif
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DTIENDO_VERSION='"$(VERSION)"' \
	       -DTIENDO_DATADIR='"$(DATADIR)"' -Isrc -I$(BUILD) $(PKG_CFLAGS) $(LAZY_CPPFLAGS) $(CPPFLAGS)
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) $(SAN_CFLAGS)
ALL_LDFLAGS = $(LDFLAGS) $(SAN_CFLAGS)
LIBS = $(PKG_LIBS) -lcsv -lm -pthread

# BUILD is where objects go; the sanitizer build uses build-san (see check).
BUILD ?= build
BIN ?= tiendo

SRC = $(filter-out src/main.c,$(wildcard src/*.c))
OBJ = $(SRC:src/%.c=$(BUILD)/%.o)
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps check-deps run check unit-tests install uninstall clean fuzz memcheck demo demo-reset man

# `make` builds in the tree and nothing else: it never installs packages.
# The dependency step (scripts/deps.sh: apt-get of what is missing, as root)
# belongs to `make deps`, `make run` and `make check`.
all: $(BIN) man

# Install missing build dependencies (Debian); see scripts/deps.sh.
deps:
	@sh scripts/deps.sh build

check-deps:
	@sh scripts/deps.sh check

# V=1 shows the full commands.
Q = $(if $(V),,@)

# The man pages, English and Vietnamese, with the version of this Makefile
# and every non-ASCII character written as a groff escape (scripts/manpage.sh).
MAN = build/man/tiendo.1 build/man/vi/tiendo.1
man: $(MAN)
build/man/tiendo.1: docs/tiendo.1 scripts/manpage.sh Makefile
	@mkdir -p build/man
	@sh scripts/manpage.sh $(VERSION) docs/tiendo.1 >$@
build/man/vi/tiendo.1: docs/tiendo.vi.1 scripts/manpage.sh Makefile
	@mkdir -p build/man/vi
	@sh scripts/manpage.sh $(VERSION) docs/tiendo.vi.1 >$@

$(BIN): $(BUILD)/main.o $(OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(BUILD)/main.o $(OBJ) $(LIBS)

# The default key bindings are compiled in from keymaps/default.keys.
$(BUILD)/default_keys.inc: keymaps/default.keys
	@mkdir -p $(BUILD)
	@sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $< >$@
$(BUILD)/keymap.o: $(BUILD)/default_keys.inc

$(BUILD)/%.o: src/%.c
	@mkdir -p $(BUILD)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(OBJ)
	@mkdir -p $(BUILD)/tests
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CPPFLAGS) -Itests/unit $(ALL_CFLAGS) -o $@ $< $(OBJ) $(ALL_LDFLAGS) $(LIBS)

unit-tests: $(UNIT_BIN)

# src/ as one static library: tests/fuzz/run.sh builds it once, with
# BUILD=build/fuzz and clang's fuzzer-no-link instrumentation, and links
# every fuzz target against it.
$(BUILD)/libtiendo.a: $(OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $(OBJ)
$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(BUILD)/libtiendo.a
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/libtiendo.a $(ALL_LDFLAGS) $(LIBS)

-include $(OBJ:.o=.d) $(BUILD)/main.d

# The demo database that `make run` opens, built from data/ when it does not
# exist yet (so what you enter in the demo stays); `make demo-reset` rebuilds it.
DEMO_DB = build/demo.db
$(DEMO_DB): | $(BIN)
	@mkdir -p build
	@sh data/demo/build.sh ./$(BIN) $@

demo: deps
	@$(MAKE) --no-print-directory $(DEMO_DB)

demo-reset: deps
	@$(MAKE) --no-print-directory $(BIN)
	rm -f $(DEMO_DB)
	@$(MAKE) --no-print-directory $(DEMO_DB)

# deps first, then a new make: the pkg-config flags above are read after the
# libraries are there.
run: deps
	@$(MAKE) --no-print-directory $(BIN) $(DEMO_DB)
	./$(BIN) -f $(DEMO_DB)

# Build normally and with AddressSanitizer+UBSan (in build-san), run the
# whole suite on both, then the fuzzers for a few seconds when clang is here.
# The sanitizer build fills every uninitialised local with a pattern, so a
# pointer never set is never the NULL the stack happened to hold.
check: check-deps
	@$(MAKE) --no-print-directory $(BIN) unit-tests man
	@$(MAKE) --no-print-directory BUILD=build-san BIN=build-san/tiendo \
		SAN_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -ftrivial-auto-var-init=pattern" \
		CFLAGS="-O1 -g" build-san/tiendo unit-tests
	@sh tests/check.sh

# The command-line tests with every run of tiendo under valgrind.
memcheck: check-deps
	@$(MAKE) --no-print-directory $(BIN)
	@sh tests/memcheck.sh

fuzz:
	@sh tests/fuzz/run.sh $${FUZZ_SECONDS:-60}

# The fault tests of make check at full size (tests/fault/run.sh):
# CRASH_RUNS=500 SIGKILLs (and TERM/INT/HUP) during `tiendo set`, init and import,
# CONC_SECONDS=30 of two writers and a reader on one database.
.PHONY: crash concurrency bench
crash: check-deps
	@$(MAKE) --no-print-directory $(BIN)
	@sh tests/fault/run.sh crash

concurrency: check-deps
	@$(MAKE) --no-print-directory $(BIN)
	@sh tests/fault/run.sh concurrency

# Figures, not pass/fail: national-scale data, timings, bytes and memory
# against calcurse and sqlite3; writes build/bench/results.md (see
# docs/PERFORMANCE.md).
bench: $(BIN)
	@sh scripts/deps.sh bench
	@sh tests/bench/bench.sh ./$(BIN)

# Windows: a static build/windows/tiendo.exe cross-built with mingw-w64, the
# libraries from Debian's source packages (scripts/windows/libs.sh, about
# 5 min, kept in a per-user cache: scripts/windows/build.sh); check-windows
# runs the command-line and interface tests on it under wine (make check
# does too when wine is here); dist-windows zips it; windows-cache-clean
# empties the cache.
.PHONY: windows check-windows dist-windows windows-cache-clean
windows:
	@sh scripts/deps.sh windows
	@sh scripts/windows/build.sh .

check-windows: windows
	@sh tests/windows/run.sh

dist-windows: windows
	@sh scripts/windows/dist.sh $(VERSION)

windows-cache-clean:
	@sh scripts/windows/build.sh --cache-clean

install: $(BIN) $(MAN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(MANDIR_VI) $(DESTDIR)$(DATADIR)/plans \
		$(DESTDIR)$(DATADIR)/keymaps $(DESTDIR)$(DATADIR)/demo
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/tiendo
	install -m 644 build/man/tiendo.1 $(DESTDIR)$(MANDIR)/tiendo.1
	install -m 644 build/man/vi/tiendo.1 $(DESTDIR)$(MANDIR_VI)/tiendo.1
	install -m 644 data/plans/*.csv data/plans/README $(DESTDIR)$(DATADIR)/plans/
	install -m 644 data/demo/* $(DESTDIR)$(DATADIR)/demo/
	install -m 644 keymaps/*.keys $(DESTDIR)$(DATADIR)/keymaps/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/tiendo $(DESTDIR)$(MANDIR)/tiendo.1 $(DESTDIR)$(MANDIR_VI)/tiendo.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-san $(BIN)
