/* eng_qa: cs-qa's engine (see eng_qa.h). Records to score are copied into
 * a batch; a batch is scored by a pool of threads (eng_qa_score.h: one
 * worker each) and written in input order, so the output is the same
 * whatever the number of threads. While the helpers start on one batch,
 * the main thread writes the one scored before. A record passed through,
 * the input pausing or the end flushes both first. */
#include "eng_qa.h"
#include "eng_qa_card.h"
#include "eng_qa_score.h"
#include "kit_batch.h"
#include "kit_hash.h"
#include "kit_jval.h"
#include "kit_mem.h"
#include "kit_msg.h"
#include "kit_out.h"
#include "kit_pool.h"
#include "svc_regex.h"
#include "svc_sentiment.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_THREADS CS_RELAY_MAX_WORKERS

/* What scoring a batched record gave. */
struct item {
	int worker;                      /* whose out holds its results */
	int status;
	struct qa_scored res;
};

struct cs_qa {
	struct cs_qa_opts o;
	qa_card *card;
	cs_lexicon *lexicon;
	cs_lexicon_job *lexicon_job;     /* loading, until cs_qa_new ends */
	int nworkers;
	struct qa_worker workers[MAX_THREADS];
	cs_relay relay;                  /* records to score, each with its struct item; results in its outs */
	cs_obj obj;                      /* a batched record's members, to write it */
	cs_pool *pool;                   /* the main thread is worker 0 */
	uint64_t passed_through;
	/* The ids of the alert records written lately: one read again, from a
	 * stream cs-qa has been over, follows its conversation closely and is
	 * written anew, so it is left out. */
	cs_recent alerts_written;
	uint64_t alerts_replaced;
};

void cs_qa_opts_init(struct cs_qa_opts *o)
{
	memset(o, 0, sizeof *o);
	o->alerts = CS_QA_ALERTS_RECORDS;
	o->max_evidence = 3;
	o->messages_sentiment = 1;
}


/* ---- scoring a batch ---- */

static void score_items(void *ctx, int w)
{
	cs_qa *q = ctx;
	struct qa_worker *k = &q->workers[w];
	cs_batch *b = cs_relay_working(&q->relay);
	k->out = cs_relay_out(&q->relay, q->relay.working, w);
	cs_obj obj = {0};
	size_t i;
	while ((i = cs_batch_take(b)) != SIZE_MAX) {
		struct item *it = cs_batch_extra(b, i);
		cs_rec rec;
		cs_batch_rec_at(b, i, &obj, &rec);
		it->worker = w;
		it->status = qa_score_record(k, &rec, &it->res);
	}
	cs_obj_free(&obj);
}

static void remember_alert(cs_qa *q, const char *line, size_t n)
{
	cs_jval id = cs_jget(cs_jval_of(line, n), "id");
	cs_recent_add(&q->alerts_written, id.p, id.n);   /* the id as written, quotes and all */
}

/* An alert record of cs-qa's that it has just written again. */
static int is_alert_written(cs_qa *q, const cs_rec *rec)
{
	if (!cs_jmember_is(&rec->obj, "kind", "alert") || !cs_jmember_is(&rec->obj, "source", "cs-qa"))
		return 0;
	cs_jval id = cs_jmember(&rec->obj, "id");
	return id.t == CS_J_STRING && cs_recent_has(&q->alerts_written, id.p, id.n);
}

/* Write batch `side` in input order; a bad record is reported here, in order. */
static void write_batch(void *ctx, cs_run *run, int side)
{
	cs_qa *q = ctx;
	cs_batch *b = &q->relay.batch[side];
	for (size_t i = 0; i < b->n && !cs_run_stopped(run); i++) {
		const struct item *it = cs_batch_extra(b, i);
		cs_rec rec;
		cs_batch_rec_at(b, i, &q->obj, &rec);
		if (it->status != CS_REC_OK) {
			cs_rec_bad(&rec, "%s", it->res.bad);
			cs_run_record_bad(run);
			continue;
		}
		const cs_buf *out = cs_relay_out(&q->relay, side, it->worker);
		if (q->o.alerts != CS_QA_ALERTS_ONLY)
			cs_run_write_field(run, &rec, "qa", out->p + it->res.qa_off, it->res.qa_len);
		const char *line = out->p + it->res.alerts_off, *end = line + it->res.alerts_len;
		while (line < end) {
			const char *nl = memchr(line, '\n', (size_t)(end - line));
			cs_run_write_line(run, line, (size_t)(nl - line));
			remember_alert(q, line, (size_t)(nl - line));
			line = nl + 1;
		}
	}
	cs_batch_clear(b);
}

static void flush(void *ctx, cs_run *run)
{
	cs_qa *q = ctx;
	cs_relay_flush(&q->relay, run);
}

static void finish(void *ctx, cs_run *run) { flush(ctx, run); }

/* A record that is, or may be, a conversation: of that kind, or of none.
 * Another kind's "messages" (a count in cs-ingest's stats, say) is not cs-qa's. */
static int may_be_conversation(const cs_rec *rec)
{
	return cs_jmember(&rec->obj, "kind").t == CS_J_NONE || cs_jmember_is(&rec->obj, "kind", "conversation");
}

static int record(void *ctx, cs_run *run, const cs_rec *rec)
{
	cs_qa *q = ctx;
	const cs_member *messages = cs_obj_get(&rec->obj, "messages", 8), *text = cs_obj_get(&rec->obj, "text", 4);
	if (messages && messages->type != CS_J_ARRAY && may_be_conversation(rec)) {
		flush(q, run);
		cs_rec_bad(rec, "\"messages\" is not an array");
		return CS_REC_BAD;
	}
	int scored = messages ? messages->type == CS_J_ARRAY : text && text->type == CS_J_STRING;
	if (!scored) {
		flush(q, run);
		if (is_alert_written(q, rec)) {
			q->alerts_replaced++;
			return CS_REC_OK;
		}
		q->passed_through++;
		if (q->o.alerts != CS_QA_ALERTS_ONLY)
			cs_run_write_line(run, rec->text, rec->len);
		return CS_REC_OK;
	}
	cs_relay_add(&q->relay, rec, run);
	return CS_REC_OK;
}

static void counters(void *ctx, cs_stats *st)
{
	cs_qa *q = ctx;
	uint64_t conv = 0, msgs = 0, texts = 0, af = 0, alerts = 0, limits = 0;
	for (int w = 0; w < q->nworkers; w++) {
		const struct qa_worker *k = &q->workers[w];
		conv += k->conversations;
		msgs += k->messages;
		texts += k->texts;
		af += k->auto_failed;
		alerts += k->alerts_raised;
		limits += k->conv.regex_limit_hits;
	}
	cs_stats_add(st, "conversations", conv);
	cs_stats_add(st, "messages_scored", msgs);
	cs_stats_add(st, "texts", texts);
	cs_stats_add(st, "passed_through", q->passed_through);
	cs_stats_add(st, "auto_failed", af);
	cs_stats_add(st, "alerts", alerts);
	cs_stats_add(st, "alerts_replaced", q->alerts_replaced);
	cs_stats_add(st, "regex_limit_hits", limits);
}

static void summary(void *ctx, const struct cs_common *c)
{
	cs_qa *q = ctx;
	(void)c;
	uint64_t limits = 0;
	for (int w = 0; w < q->nworkers; w++)
		limits += q->workers[w].conv.regex_limit_hits;
	if (limits)
		cs_notice("%" PRIu64 " regex matches stopped at the match limit and counted as no match", limits);
}

/* ---- setting up ---- */

/* A name without '/' or ".json" is one of share/scorecards. */
static void scorecard_path(const char *name, cs_buf *path)
{
	cs_buf_reset(path);
	size_t n = strlen(name);
	if (strchr(name, '/') || (n > 5 && strcmp(name + n - 5, ".json") == 0))
		cs_buf_adds(path, name);
	else
		cs_buf_printf(path, "%s/scorecards/%s.json", cs_share_dir(), name);
}

static qa_card *load_card(const struct cs_qa_opts *o)
{
	cs_buf path = CS_BUF_INIT, err = CS_BUF_INIT;
	scorecard_path(o->scorecard ? o->scorecard : "default", &path);
	qa_card *card = qa_card_load(path.p, &err);
	if (!card)
		cs_die(CS_EXIT_CONFIG, "scorecard %s", err.p);
	cs_buf_free(&path);
	cs_buf_free(&err);
	return card;
}

/* The shipped lexicons, loading since start_lexicon, and then --lexicon's. */
static cs_lexicon *load_lexicon(cs_lexicon_job *job, const struct cs_qa_opts *o)
{
	cs_buf err = CS_BUF_INIT;
	cs_lexicon *lx = cs_lexicon_defaults_finish(job, &err);
	if (!lx)
		cs_die(CS_EXIT_CONFIG, "lexicon %s", err.p);
	cs_buf path = CS_BUF_INIT;
	for (size_t i = 0; i < o->nlexicons; i++) {
		/* a bare name is one of share/lexicons: --lexicon en_service */
		const char *name = o->lexicons[i];
		cs_buf_reset(&path);
		if (strchr(name, '/') || strchr(name, '.'))
			cs_buf_adds(&path, name);
		else
			cs_buf_printf(&path, "%s/lexicons/%s.tsv", cs_share_dir(), name);
		if (cs_lexicon_load_file(lx, path.p, &err) < 0)
			cs_die(CS_EXIT_CONFIG, "--lexicon %s", err.p);
	}
	cs_buf_free(&path);
	cs_buf_free(&err);
	return lx;
}

static cs_lexicon_job *start_lexicon(void)
{
	cs_buf dir = CS_BUF_INIT;
	cs_buf_printf(&dir, "%s/lexicons", cs_share_dir());
	cs_lexicon_job *job = cs_lexicon_defaults_start(dir.p);
	cs_buf_free(&dir);
	return job;
}

/* The engine, reachable while it lives: a bad scorecard or lexicon ends
 * the run inside cs_qa_new, and the leak checker must not take that for a leak. */
static cs_qa *live;

cs_qa *cs_qa_new(const struct cs_common *c, const struct cs_qa_opts *o, struct cs_engine *engine)
{
	(void)c;
	cs_qa *q = live = cs_calloc(1, sizeof *q);
	q->o = *o;
	q->lexicon_job = start_lexicon();   /* read while the scorecard is */
	if (!o->sentiment_only)
		q->card = load_card(o);
	q->lexicon = load_lexicon(q->lexicon_job, o);
	q->lexicon_job = NULL;
	q->pool = cs_pool_new(cs_pool_threads(o->threads, MAX_THREADS), score_items, q, cs_regex_thread_done);
	q->nworkers = cs_pool_size(q->pool);
	cs_relay_init(&q->relay, sizeof(struct item), q->pool, (cs_relay_calls){q, write_batch});
	for (int w = 0; w < q->nworkers; w++)
		qa_worker_init(&q->workers[w], &q->o, q->card, q->lexicon);
	*engine = (struct cs_engine){.ctx = q, .record = record, .finish = finish, .flush = flush,
				     .counters = counters, .summary = summary};
	return q;
}

void cs_qa_free(cs_qa *q)
{
	if (!q)
		return;
	if (live == q)
		live = NULL;
	cs_pool_free(q->pool);
	for (int w = 0; w < q->nworkers; w++)
		qa_worker_free(&q->workers[w]);
	cs_regex_thread_done();
	qa_card_free(q->card);
	cs_lexicon_free(q->lexicon);
	cs_relay_free(&q->relay);
	cs_obj_free(&q->obj);
	cs_recent_free(&q->alerts_written);
	free(q);
}

static void print_items(const qa_card *card)
{
	printf("items (weight, section, flags):\n");
	for (size_t i = 0; i < card->nitems; i++) {
		const struct qa_item *it = &card->items[i];
		printf("  %-24s %6g  %s%s%s%s\n", it->id, it->weight, it->section ? it->section : "-",
		       it->auto_fail ? " auto_fail" : "", it->compliance ? " compliance" : "", it->review ? " review" : "");
	}
}

static void print_rules_and_alerts(const qa_card *card)
{
	if (card->nrules)
		printf("rules:\n");
	for (size_t i = 0; i < card->nrules; i++)
		printf("  %s\n", card->rules[i].id);
	if (card->nalerts)
		printf("alerts (severity, type):\n");
	for (size_t i = 0; i < card->nalerts; i++) {
		const struct qa_alert_def *a = &card->alerts[i];
		printf("  %-24s %-8s  %s\n", a->id, qa_severity_name(a->severity), a->type ? a->type : "-");
	}
}

/* A named list used on its own shows its phrases; one only inside other
 * lists, or never used (a misspelt "@name" elsewhere, say), says so. */
static void print_phrase_lists(const qa_card *card)
{
	if (card->nnamed)
		printf("phrase lists:\n");
	for (size_t i = 0; i < card->nnamed; i++) {
		const struct qa_named_list *nl = &card->named[i];
		if (nl->list >= 0)
			printf("  %-24s %6u phrase%s\n", nl->name, card->lists[nl->list].size,
			       card->lists[nl->list].size == 1 ? "" : "s");
		else
			printf("  %-24s %s\n", nl->name, nl->nested ? "only inside other lists" : "unused");
	}
}

int cs_qa_check(const struct cs_qa_opts *o)
{
	qa_card *card = load_card(o);
	double total = 0;
	for (size_t i = 0; i < card->nitems; i++)
		total += card->items[i].weight;
	printf("scorecard %s%s%s: %zu items (weights sum to %g), %zu rules, %zu alerts, %zu phrase lists in use (%zu named), %zu phrases\n",
	       card->name, card->version ? " version " : "", card->version ? card->version : "", card->nitems, total,
	       card->nrules, card->nalerts, card->nlists_declared, card->nnamed, card->nphrases_declared);
	print_items(card);
	print_rules_and_alerts(card);
	print_phrase_lists(card);
	qa_card_free(card);
	if (o->nlexicons) {   /* the run's own command line must pass or fail as the run would */
		cs_lexicon_free(load_lexicon(start_lexicon(), o));
		printf("lexicons: the shipped ones and %zu of --lexicon\n", o->nlexicons);
	}
	cs_out_stdio_flush();
	return CS_EXIT_OK;
}
