# cs: customer-service operations as Unix pipelines. Plain GNU make.
#   make            lib/libcs.a and bin/cs-*
#   make test       unit + golden tests, then all of them again under ASan+UBSan
#   make bench      throughput beside cat and jq on a generated corpus
#   make install    PREFIX=/usr/local DESTDIR=

VERSION   := $(shell cat VERSION)
PREFIX    ?= /usr/local
prefix    ?= $(PREFIX)
bindir    ?= $(prefix)/bin
datarootdir ?= $(prefix)/share
datadir   ?= $(datarootdir)
mandir    ?= $(datarootdir)/man
sharedir  ?= $(datadir)/cs
BASHCOMPDIR ?= $(datadir)/bash-completion/completions
ZSHCOMPDIR  ?= $(datadir)/zsh/site-functions
# fish documents this one; Debian's fish reads it for PREFIX=/usr/local only when
# XDG_DATA_DIRS names /usr/local/share (README, Install): FISHCOMPDIR=/etc/fish/completions
FISHCOMPDIR ?= $(datadir)/fish/vendor_completions.d
INSTALL   ?= install
INSTALL_PROGRAM ?= $(INSTALL) -m 755
INSTALL_DATA ?= $(INSTALL) -m 644

CC        ?= cc
PKG_CONFIG ?= pkg-config
# Each library's flags; a program links only the ones it lists below.
pc_cflags = $(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null)
pc_libs   = $(shell $(PKG_CONFIG) --libs $(1) 2>/dev/null || echo $(2))
ZSTD_LIBS   := $(call pc_libs,libzstd,-lzstd)
Z_LIBS      := $(call pc_libs,zlib,-lz)
PCRE2_LIBS  := $(call pc_libs,libpcre2-8,-lpcre2-8)
SQLITE_LIBS := $(call pc_libs,sqlite3,-lsqlite3)
# GNU libunistring ships no .pc file in Debian 12.
UNISTRING_LIBS ?= -lunistring
# Nor does libstemmer (Snowball).
STEMMER_LIBS ?= -lstemmer
STEMMER_VERSION ?= $(shell dpkg-query -W -f='$${Version}' libstemmer-dev 2>/dev/null | sed 's/-.*//')
PKG_CFLAGS  := $(call pc_cflags,libzstd libpcre2-8 sqlite3 zlib)
# Debian's libjq 1.6 ships no .pc file.
JQ_CFLAGS ?=
JQ_LIBS   ?= -ljq
JQ_VERSION ?= $(shell dpkg-query -W -f='$${Version}' libjq-dev 2>/dev/null | sed 's/-.*//')

# What each program links (its cs_prog_def lists the same for --version).
cs-ingest_LIBS = $(JQ_LIBS) $(ZSTD_LIBS) $(Z_LIBS) $(PCRE2_LIBS)
cs-qa_LIBS     = $(JQ_LIBS) $(ZSTD_LIBS) $(Z_LIBS) $(PCRE2_LIBS) $(UNISTRING_LIBS)
cs-route_LIBS  = $(JQ_LIBS) $(ZSTD_LIBS) $(Z_LIBS) $(PCRE2_LIBS) $(SQLITE_LIBS) $(UNISTRING_LIBS) $(STEMMER_LIBS)
cs-answer_LIBS = $(JQ_LIBS) $(ZSTD_LIBS) $(Z_LIBS) $(PCRE2_LIBS) $(SQLITE_LIBS) $(UNISTRING_LIBS) $(STEMMER_LIBS)
cs-ticket_LIBS = $(JQ_LIBS) $(ZSTD_LIBS) $(Z_LIBS) $(PCRE2_LIBS) $(SQLITE_LIBS)
cs-signals_LIBS = $(JQ_LIBS) $(ZSTD_LIBS) $(Z_LIBS) $(PCRE2_LIBS) $(SQLITE_LIBS)
cs-roi_LIBS = $(JQ_LIBS) $(ZSTD_LIBS) $(Z_LIBS) $(PCRE2_LIBS)

WARN      := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
CFLAGS    ?= -O2 -g
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE -pthread $(WARN) $(CFLAGS) $(PKG_CFLAGS) $(JQ_CFLAGS) \
             -DCS_VERSION='"$(VERSION)"' -DCS_JQ_VERSION='"$(or $(JQ_VERSION),unknown)"' \
             -DCS_STEMMER_VERSION='"$(or $(STEMMER_VERSION),unknown)"' \
             -DCS_SHAREDIR='"$(sharedir)"' -Ilib -ffile-prefix-map=$(CURDIR)=.
ALL_LIBS  = $(JQ_LIBS) $(ZSTD_LIBS) $(Z_LIBS) $(PCRE2_LIBS) $(SQLITE_LIBS) $(UNISTRING_LIBS) $(STEMMER_LIBS) -lm -lpthread
# --as-needed: a library a program's objects do not use is not recorded as needed.
PROG_LDFLAGS = -Wl,--as-needed

SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1 -g

LIB_SRC   := $(sort $(wildcard lib/*.c))
CMD_SRC   := $(sort $(wildcard cmd/*.c))
UNIT_SRC  := $(sort $(wildcard tests/unit/t_*.c))
PROGS     := $(patsubst cmd/%.c,%,$(CMD_SRC))

# Build variants: the plain build goes to lib/ and bin/, the sanitizer build below build/asan/.
OBJ_DIR   := build/obj
LIB_OBJ   := $(patsubst lib/%.c,$(OBJ_DIR)/%.o,$(LIB_SRC))
BINS      := $(addprefix bin/,$(PROGS))
UNITS     := $(patsubst tests/unit/%.c,build/unit/%,$(UNIT_SRC))

ASAN_DIR  := build/asan
ASAN_OBJ  := $(patsubst lib/%.c,$(ASAN_DIR)/obj/%.o,$(LIB_SRC))
ASAN_BINS := $(addprefix $(ASAN_DIR)/bin/,$(PROGS))
ASAN_UNITS := $(patsubst tests/unit/%.c,$(ASAN_DIR)/unit/%,$(UNIT_SRC))

.PHONY: all test test-plain test-asan check-build bench bench-roi bench-ticket bench-signals bench-scale eval-sentiment eval-intent eval-answer install uninstall demo clean completions lint fuzz fuzz-build
all: lib/libcs.a $(BINS)

$(OBJ_DIR)/%.o: lib/%.c lib/*.h VERSION
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

lib/libcs.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

bin/%: cmd/%.c lib/libcs.a lib/*.h
	@mkdir -p bin
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(PROG_LDFLAGS) -o $@ $< lib/libcs.a $($*_LIBS) -lm -lpthread

build/unit/%: tests/unit/%.c lib/libcs.a tests/unit/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< lib/libcs.a $(ALL_LIBS)

$(ASAN_DIR)/obj/%.o: lib/%.c lib/*.h VERSION
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

$(ASAN_DIR)/libcs.a: $(ASAN_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(ASAN_DIR)/bin/%: cmd/%.c $(ASAN_DIR)/libcs.a lib/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) $(LDFLAGS) $(PROG_LDFLAGS) -o $@ $< $(ASAN_DIR)/libcs.a $($*_LIBS) -lm -lpthread

$(ASAN_DIR)/unit/%: tests/unit/%.c $(ASAN_DIR)/libcs.a tests/unit/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $< $(ASAN_DIR)/libcs.a $(ALL_LIBS)

# A fault-injection shim (LD_PRELOAD) for the output tests: tests/fault/fault.c.
build/fault.so: tests/fault/fault.c
	@mkdir -p $(@D)
	$(CC) -std=c17 -O1 -g -Wall -Wextra -Werror -shared -fPIC -o $@ $< -ldl

# The whole suite twice: plain, then under AddressSanitizer + UndefinedBehaviorSanitizer.
test: all $(UNITS) $(ASAN_BINS) $(ASAN_UNITS) build/fault.so
	@sh tests/run plain:bin:build/unit asan:$(ASAN_DIR)/bin:$(ASAN_DIR)/unit

test-plain: all $(UNITS) build/fault.so
	@sh tests/run plain:bin:build/unit

test-asan: $(ASAN_BINS) $(ASAN_UNITS) build/fault.so
	@sh tests/run asan:$(ASAN_DIR)/bin:$(ASAN_DIR)/unit

# Fuzzing with libFuzzer (clang): every reader of outside data has a harness in
# tests/fuzz/ and a seed corpus in tests/fuzz/corpus/NAME; each runs FUZZ_SECONDS.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_FLAGS   := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1 -g
FUZZ_DIR     := build/fuzz
FUZZ_SRC     := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS    := $(patsubst tests/fuzz/%.c,$(FUZZ_DIR)/%,$(FUZZ_SRC))
FUZZ_OBJ     := $(patsubst lib/%.c,$(FUZZ_DIR)/obj/%.o,$(LIB_SRC))

$(FUZZ_DIR)/obj/%.o: lib/%.c lib/*.h VERSION
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_FLAGS) -c -o $@ $<

$(FUZZ_DIR)/libcs.a: $(FUZZ_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_DIR)/libcs.a lib/*.h
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_DIR)/libcs.a $(ALL_LIBS)

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	@for f in $(FUZZ_BINS); do n=$${f##*/fuzz_}; mkdir -p $(FUZZ_DIR)/corpus/$$n; \
	  echo "fuzz: $$n for $(FUZZ_SECONDS)s"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 -close_fd_mask=3 -artifact_prefix=$(FUZZ_DIR)/$$n- $(FUZZ_DIR)/corpus/$$n tests/fuzz/corpus/$$n \
	    2>$(FUZZ_DIR)/$$n.log || { tail -40 $(FUZZ_DIR)/$$n.log; exit 1; }; \
	  grep -h 'stat::number_of_executed_units' $(FUZZ_DIR)/$$n.log; done

bench: all
	@BENCH_LIBS="$(ALL_LIBS)" sh bench/bench.sh

# cs-ticket alone (make bench runs it after cs-answer's): a year of tickets, the sla run, the clock's floor.
bench-ticket: all
	@sh bench/ticket-bench.sh

# cs-signals alone (make bench runs it last): a generated clickstream beside cat and jq, memory at two sizes.
bench-signals: all
	@sh bench/signals-bench.sh

# cs-roi kpi alone (make bench runs it after cs-signals'): on the conversations make bench made.
bench-roi: all
	@sh bench/roi-bench.sh

# The nightly job of examples/scale alone (make bench runs it last): one process, N shards under
# GNU parallel with the split and merge timed apart, and the time per record from 1x to 4x the input.
bench-scale: all
	@sh bench/scale-bench.sh

# The business clock's rates (ticket-bench.sh runs it): build/bench/clock-bench [CALENDAR [N]].
build/bench/clock-bench: bench/clock-bench.c lib/libcs.a lib/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< lib/libcs.a $(ALL_LIBS)

demo: all
	@sh examples/demo.sh

# Sentiment quality on the data beside the checkout (../shared) and the
# Chinese set in tests/data/sentiment; see bench/sentiment-eval.sh.
eval-sentiment: all
	@sh bench/sentiment-eval.sh

eval-intent: all
	@sh bench/intent-eval.sh

# cs-answer on StackFAQ: cold start, then after feedback on half the queries.
eval-answer: all
	@sh bench/answer-eval.sh

completions: all
	@sh tools/gencomp.sh

install: all
	$(INSTALL) -d $(DESTDIR)$(bindir) $(DESTDIR)$(mandir)/man1 $(DESTDIR)$(mandir)/man5 $(DESTDIR)$(mandir)/man7 \
	   $(DESTDIR)$(sharedir) $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	for p in $(PROGS); do $(INSTALL_PROGRAM) bin/$$p $(DESTDIR)$(bindir)/$$p; done
	for m in man/*.1; do $(INSTALL_DATA) $$m $(DESTDIR)$(mandir)/man1/; done
	for m in man/*.5; do $(INSTALL_DATA) $$m $(DESTDIR)$(mandir)/man5/; done
	for m in man/*.7; do $(INSTALL_DATA) $$m $(DESTDIR)$(mandir)/man7/; done
	cd share && find . -type d -exec $(INSTALL) -d $(DESTDIR)$(sharedir)/{} \; && \
	   find . -type f -exec $(INSTALL_DATA) {} $(DESTDIR)$(sharedir)/{} \;
	for p in $(PROGS); do \
	   $(INSTALL_DATA) completions/bash/$$p $(DESTDIR)$(BASHCOMPDIR)/$$p; \
	   $(INSTALL_DATA) completions/zsh/_$$p $(DESTDIR)$(ZSHCOMPDIR)/_$$p; \
	   $(INSTALL_DATA) completions/fish/$$p.fish $(DESTDIR)$(FISHCOMPDIR)/$$p.fish; done

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(bindir)/$$p $(DESTDIR)$(mandir)/man1/$$p.1 \
	   $(DESTDIR)$(BASHCOMPDIR)/$$p $(DESTDIR)$(ZSHCOMPDIR)/_$$p $(DESTDIR)$(FISHCOMPDIR)/$$p.fish; done
	for m in man/*.5 man/*.7; do rm -f $(DESTDIR)$(mandir)/man$${m##*.}/$${m##*/}; done
	rm -rf $(DESTDIR)$(sharedir)

clean:
	rm -rf build bin lib/libcs.a
