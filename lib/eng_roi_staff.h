/* eng_roi_staff: `cs-roi staff`, the agents an interval needs for a
 * service-level target, by Erlang C (M/M/N, callers never abandon).
 *
 * The figures (shared/reference/domain.md 4.1), for N agents:
 *   A    = volume / interval * AHT                 offered load, Erlangs
 *   B_0  = 1, B_k = A B_{k-1} / (k + A B_{k-1})    Erlang B, by recursion:
 *                                                  no factorial, no overflow
 *   P_w  = N B_N / (N - A (1 - B_N))               Erlang C, chance to wait
 *   SL   = 1 - P_w exp(-(N - A) T / AHT)           answered within T
 *   ASA  = P_w AHT / (N - A)                       average speed of answer
 *   occupancy = A / N
 * The queue is stable only with N > A; fewer agents have no figures.
 * Staffing is the smallest N > A that meets every target given: SL(T) at
 * least the target share (less 1e-12, so an exact hit counts), ASA at most
 * --target-asa, occupancy at most --max-occupancy. Rostered heads are
 * ceil(N / (1 - shrinkage)): agents on the phones are N of every
 * 1 - shrinkage paid heads. With no load (A = 0) no agent is needed.
 *
 * Two modes. Given (`--volume`): one result from the options, no input.
 * Measured: reads records and writes one staffing result per window and
 * group:
 *  - metrics records (cs-roi kpi's roi.kpi): volume counts.contacts over
 *    the record's own window, AHT sums.handle_s / counts.handled (or
 *    sums.handle_ms / 1000); records of the same window and group (shards)
 *    are added first;
 *  - conversation records: contacts per --interval window (aligned to the
 *    epoch, UTC) of `started`, grouped by the --by fields; handle time is
 *    `ended` less the first message with role agent; conversations no agent
 *    answered are contacts without handle time.
 * --aht overrides the measured AHT. Other records are counted and left out.
 * With --actual each result also has the agents on duty and their figures:
 * from metrics, sums.staffed_s (agent-seconds on duty in the window, which
 * add across shards) / the window's seconds; from conversations, the
 * distinct authors of agent messages of the window's conversations. The
 * figures are those of the whole agents on duty (the average rounded down).
 * A window whose AHT cannot be measured, or that needs more than
 * --max-agents, is written with "agents":null and a "reason". */
#ifndef CS_ENG_ROI_STAFF_H
#define CS_ENG_ROI_STAFF_H
#include <stddef.h>
#include <stdint.h>
#include "kit_buf.h"
#include "kit_opt.h"
#include "kit_run.h"

#define CS_STAFF_MAX_BY 8
#define CS_STAFF_BY_TEXT 512
#define CS_STAFF_SL_SLACK 1e-12

/* What the staffing must meet; a field at 0 is not a target. */
struct cs_staff_target {
	double service_level;     /* share answered within answer_s (0.8) */
	double answer_s;          /* T of the service level, seconds (20) */
	double max_asa_s;         /* --target-asa, seconds; 0: none */
	double max_occupancy;     /* --max-occupancy, 0 to 1; 0: none */
};

/* The figures of N agents on A Erlangs. */
struct cs_staff_figures {
	long agents;
	double wait_probability;  /* P_w */
	double service_level;     /* SL(T) */
	double asa_s;
	double occupancy;
};

/* Erlang B with n servers and a Erlangs (1 for n = 0). */
double cs_erlang_b(long n, double a);
/* Erlang C from Erlang B: P_w of n agents on a Erlangs, given b = B_n. */
double cs_erlang_c_of_b(long n, double a, double b);
/* The figures of n agents: 0, or -1 (f set to P_w 1, SL 0, occupancy 1,
 * ASA infinite) when n <= a and the queue grows without end. With a = 0:
 * SL 1, ASA 0, occupancy 0. */
int cs_staff_figures_of(long n, double a, double aht_s, double answer_s, struct cs_staff_figures *f);
/* Does f meet t? */
int cs_staff_meets(const struct cs_staff_figures *f, const struct cs_staff_target *t);
/* The smallest n > a meeting t, its figures in f: n (0 when a = 0), or -1
 * when more than max_agents would be needed. One pass of the recursion. */
long cs_staff_agents(double a, double aht_s, const struct cs_staff_target *t, long max_agents,
		     struct cs_staff_figures *f);
/* ceil(n / (1 - shrinkage)), shrinkage in [0, 1). */
long cs_staff_rostered(long n, double shrinkage);

/* "80/20": percent (above 0, below 100) then seconds ("20", "20s", "1m").
 * 0, or -1 with err saying what is wrong. */
int cs_staff_parse_target(const char *s, struct cs_staff_target *t, cs_buf *err);

struct cs_staff_opts {
	struct cs_staff_target target;   /* 80/20, no ASA or occupancy cap */
	int target_set;                  /* --target given: kept beside --target-asa */
	double volume;                   /* --volume; < 0: measured mode */
	double interval_s;               /* --interval (1800 given; 900 windows of conversations) */
	int interval_set;
	double aht_s;                    /* --aht; 0: measured */
	double shrinkage;                /* --shrinkage (0.3) */
	long max_agents;                 /* --max-agents (100000) */
	const char *by[CS_STAFF_MAX_BY]; /* --by fields of conversations (paths such as route.team), in by_text */
	size_t nby;
	char by_text[CS_STAFF_BY_TEXT];
	int json;                        /* --json */
	int actual;                      /* --actual: compare with the agents on duty */
};

void cs_staff_opts_init(struct cs_staff_opts *o);
/* "channel,route.team" into o->by (a copy in o->by_text): 0, or -1 with err.
 * Copy o only after this: o->by points into o->by_text. */
int cs_staff_parse_by(const char *s, struct cs_staff_opts *o, cs_buf *err);

/* The options together, once parsed, for the files operands: 0, or -1
 * with err (a usage error): --volume needs --aht and takes no files, --by
 * and --actual are for records. --target-asa without --target leaves the service level
 * out of the targets (it is still reported, at --target's 20 s). */
int cs_staff_check(struct cs_staff_opts *o, int nfiles, cs_buf *err);

/* One result as written: the inputs and figures of one interval. */
struct cs_staff_result {
	double volume, interval_s, aht_s, erlangs;
	int aht_measured;               /* AHT from the records, not --aht */
	long agents;                    /* -1: none (reason says why) */
	const char *reason;
	struct cs_staff_figures fig;
	long rostered;
	/* measured mode: the window (from, to in ms) and group (a JSON object), else group NULL */
	int64_t from_ms, to_ms;
	const char *group;
	size_t group_len;
	double handled;
	/* --actual: the agents on duty (< 0: unknown), whence, and their figures */
	double actual_agents;
	const char *actual_source;      /* "staffed_s" or "authors" */
	struct cs_staff_figures actual_fig;
	int actual_stable;              /* more agents on duty than the load */
};
/* The figures of r's agents on duty (r->actual_agents set, r solved). */
void cs_staff_solve_actual(const struct cs_staff_opts *o, struct cs_staff_result *r);
/* Work out r's agents, figures and rostered heads from its volume,
 * interval and AHT (already set). */
void cs_staff_solve(const struct cs_staff_opts *o, struct cs_staff_result *r);
/* Append r as one JSON record {"kind":"staffing",...} (no newline). */
void cs_staff_json(const struct cs_staff_opts *o, const struct cs_staff_result *r, cs_buf *out);
/* Append r for people: the lines of the given mode (a table of N around
 * the answer, then the verdict), or one line in measured mode. */
void cs_staff_text(const struct cs_staff_opts *o, const struct cs_staff_result *r, cs_buf *out);

/* Given mode: write the one result to c->output. Returns the exit status. */
int cs_staff_given(const struct cs_common *c, const struct cs_staff_opts *o);

/* Measured mode: the engine for cs_run_main (c may be NULL; engine may be
 * NULL to work with cs_staff_add and cs_staff_write alone). */
typedef struct cs_staff cs_staff;
cs_staff *cs_staff_new(const struct cs_common *c, const struct cs_staff_opts *o, struct cs_engine *engine);
void cs_staff_free(cs_staff *s);
/* One input record, a JSON object as text (the engine's record callback
 * takes the members the run skeleton found instead): 0 counted or left
 * out, -1 with why when bad. */
int cs_staff_add(cs_staff *s, const char *json, size_t len, cs_buf *why);
/* Each result, in window then group order, as one line (no newline) to
 * put(sink, ...). Returns the windows that needed more than --max-agents. */
uint64_t cs_staff_write(cs_staff *s, void (*put)(void *sink, const char *line, size_t n), void *sink);
#endif
