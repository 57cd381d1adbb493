/* eng_signals_conf: cs-signals' thresholds, table-driven: each setting is a
 * section and a key of the file and a place in struct cs_sig_conf. */
#include "eng_signals_conf.h"
#include "kit_conf.h"
#include "kit_mem.h"
#include "kit_time.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum setting_type { SET_DURATION, SET_COUNT, SET_NUMBER, SET_PATTERNS };

struct setting {
	const char *section, *key;
	enum setting_type type;
	size_t offset;
	double min, max;          /* SET_COUNT, SET_NUMBER */
};

#define AT(field) offsetof(struct cs_sig_conf, field)
static const struct setting settings[] = {
	{"session", "idle", SET_DURATION, AT(session_idle_ms), 0, 0},
	{"rage_click", "clicks", SET_COUNT, AT(rage_clicks), 2, 100},
	{"rage_click", "within", SET_DURATION, AT(rage_within_ms), 0, 0},
	{"rage_click", "radius_px", SET_NUMBER, AT(rage_radius_px), 0, 100000},
	{"dead_click", "within", SET_DURATION, AT(dead_within_ms), 0, 0},
	{"error_click", "within", SET_DURATION, AT(error_within_ms), 0, 0},
	{"u_turn", "within", SET_DURATION, AT(u_turn_within_ms), 0, 0},
	{"excessive_refresh", "refreshes", SET_COUNT, AT(refreshes), 1, 1000},
	{"excessive_refresh", "within", SET_DURATION, AT(refresh_within_ms), 0, 0},
	{"silent_help_seeker", "within", SET_DURATION, AT(help_within_ms), 0, 0},
	{"silent_help_seeker", "pages", SET_PATTERNS, AT(help_pages), 0, 0},
	{"payment_hesitation", "pages", SET_PATTERNS, AT(payment_pages), 0, 0},
	{"repeat_contact", "within", SET_DURATION, AT(repeat_within_ms), 0, 0},
	{"transfer", "at_least", SET_COUNT, AT(transfers), 1, 1000},
	{"long_wait", "over", SET_DURATION, AT(long_wait_ms), 0, 0},
	{"survey_detractor", "nps_at_most", SET_NUMBER, AT(nps_at_most), -1, 10},
	{"survey_detractor", "csat_at_most", SET_NUMBER, AT(csat_at_most), 0, 5},
	{"survey_detractor", "ces_at_most", SET_NUMBER, AT(ces_at_most), 0, 7},
	{"sentiment", "negative_at", SET_NUMBER, AT(negative_at), -1, 1},
	{"sentiment", "worsening_by", SET_NUMBER, AT(worsening_by), 0, 2},
	{"alerts", "cooldown", SET_DURATION, AT(cooldown_ms), 0, 0},
};
#define NSETTINGS (sizeof settings / sizeof settings[0])

static const char *const default_help_pages[] = {"/help", "/support", "/faq", "/kb/", "/knowledge", NULL};
static const char *const default_payment_pages[] = {"checkout", "payment", "/pay", "billing", NULL};

static void patterns_set(struct cs_sig_patterns *p, const char *const *list)
{
	for (p->n = 0; list[p->n]; p->n++)
		;
	p->s = cs_malloc(p->n * sizeof *p->s);
	for (size_t i = 0; i < p->n; i++)
		p->s[i] = cs_strdup(list[i]);
}

static void patterns_free(struct cs_sig_patterns *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->s[i]);
	free(p->s);
	p->s = NULL;
	p->n = 0;
}

void cs_sig_conf_default(struct cs_sig_conf *c)
{
	*c = (struct cs_sig_conf){
		.session_idle_ms = 30 * 60000, .rage_clicks = 3, .rage_within_ms = 1000, .rage_radius_px = 30,
		.dead_within_ms = 500, .error_within_ms = 1000, .u_turn_within_ms = 5000, .refreshes = 3,
		.refresh_within_ms = 60000, .help_within_ms = 24 * 3600000LL, .repeat_within_ms = 7 * 86400000LL,
		.transfers = 1, .long_wait_ms = 10 * 60000, .nps_at_most = 6, .csat_at_most = 2, .ces_at_most = 3,
		.negative_at = -0.05, .worsening_by = 0.5, .cooldown_ms = 7 * 86400000LL,
	};
	patterns_set(&c->help_pages, default_help_pages);
	patterns_set(&c->payment_pages, default_payment_pages);
}

void cs_sig_conf_free(struct cs_sig_conf *c)
{
	patterns_free(&c->help_pages);
	patterns_free(&c->payment_pages);
}

int cs_sig_match(const struct cs_sig_patterns *p, const char *s, size_t n)
{
	for (size_t i = 0; i < p->n; i++) {
		size_t m = strlen(p->s[i]);
		for (size_t at = 0; m && at + m <= n; at++)
			if (strncasecmp(s + at, p->s[i], m) == 0)
				return 1;
	}
	return 0;
}

static void read_patterns(cs_conf *cf, cs_jval v, struct cs_sig_patterns *p, const char *key)
{
	cs_conf_elements e = cs_conf_elements_of(cf, v, key);
	char **list = cs_conf_temp(cf, cs_calloc(e.n + 1, sizeof *list));
	for (size_t i = 0; i < e.n; i++) {
		list[i] = cs_conf_temp(cf, cs_conf_text(cf, e.v[i], key));
		if (!*list[i])
			cs_conf_bad(cf, e.v[i].p, "\"%s\": an empty pattern matches everything", key);
	}
	patterns_free(p);
	patterns_set(p, (const char *const *)list);
}

static void read_setting(cs_conf *cf, const struct setting *s, cs_jval v, struct cs_sig_conf *c)
{
	char *base = (char *)c + s->offset;
	if (s->type == SET_PATTERNS) {
		read_patterns(cf, v, (struct cs_sig_patterns *)(void *)base, s->key);
	} else if (s->type == SET_DURATION) {
		char *text = cs_conf_temp(cf, cs_conf_text(cf, v, s->key));
		int64_t ms;
		if (*text && strspn(text, "0123456789") == strlen(text))   /* not seconds: the page asks for a unit */
			cs_conf_bad(cf, v.p, "\"%s\": '%s' needs a unit: ms, s, m, h or d (such as %sms or %sm)", s->key,
				    text, text, text);
		if (cs_duration_parse(text, &ms) != 0 || ms <= 0)
			cs_conf_bad(cf, v.p, "\"%s\": '%s' is not a duration such as 500ms, 30m or 7d", s->key, text);
		memcpy(base, &ms, sizeof ms);
	} else if (s->type == SET_COUNT) {
		int n = cs_conf_int(cf, v, s->key, (int)s->min, (int)s->max);
		memcpy(base, &n, sizeof n);
	} else {
		double d = cs_conf_number(cf, v, s->key);
		if (d < s->min || d > s->max)
			cs_conf_bad(cf, v.p, "\"%s\" must be from %g to %g", s->key, s->min, s->max);
		memcpy(base, &d, sizeof d);
	}
}

static const struct setting *find_setting(const char *section, size_t slen, const cs_member *m)
{
	for (size_t i = 0; i < NSETTINGS; i++)
		if (strlen(settings[i].section) == slen && memcmp(settings[i].section, section, slen) == 0 &&
		    cs_conf_key_is(m, settings[i].key))
			return &settings[i];
	return NULL;
}

static void read_section(cs_conf *cf, const cs_member *sec, struct cs_sig_conf *c)
{
	cs_conf_members ms = cs_conf_members_of(cf, cs_conf_val(sec), NULL, "a section");
	for (size_t i = 0; i < ms.n; i++) {
		if (cs_conf_key_is(&ms.m[i], "description") || cs_conf_key_is(&ms.m[i], "comment"))
			continue;
		const struct setting *s = find_setting(sec->key.p, sec->key.n, &ms.m[i]);
		if (!s)
			cs_conf_bad(cf, ms.m[i].key.p - 1, "\"%.*s\" has no setting \"%.*s\"", (int)sec->key.n, sec->key.p,
				    (int)ms.m[i].key.n, ms.m[i].key.p);
		read_setting(cf, s, cs_conf_val(&ms.m[i]), c);
	}
}

static int known_section(const cs_member *m)
{
	for (size_t i = 0; i < NSETTINGS; i++)
		if (cs_conf_key_is(m, settings[i].section))
			return 1;
	return 0;
}

/* Where the file sets section.key, or NULL: for an error about two settings. */
static const char *setting_at(cs_conf *cf, const char *section, const char *key)
{
	cs_conf_members top = cs_conf_members_of(cf, cs_conf_top(cf), NULL, "the thresholds");
	for (size_t i = 0; i < top.n; i++) {
		if (!cs_conf_key_is(&top.m[i], section))
			continue;
		cs_conf_members ms = cs_conf_members_of(cf, cs_conf_val(&top.m[i]), NULL, "a section");
		for (size_t k = 0; k < ms.n; k++)
			if (cs_conf_key_is(&ms.m[k], key))
				return cs_conf_val(&ms.m[k]).p;
	}
	return NULL;
}

int cs_sig_conf_load_mem(struct cs_sig_conf *c, const char *name, const char *text, size_t len, cs_buf *err)
{
	cs_conf cf = {.file = name, .text = text, .len = len, .err = err};
	if (setjmp(cf.fail)) {
		cs_conf_free(&cf);
		return -1;
	}
	cs_conf_members ms = cs_conf_members_of(&cf, cs_conf_top(&cf), NULL, "the thresholds");
	for (size_t i = 0; i < ms.n; i++) {
		if (cs_conf_key_is(&ms.m[i], "description") || cs_conf_key_is(&ms.m[i], "comment"))
			continue;
		if (!known_section(&ms.m[i]))
			cs_conf_bad(&cf, ms.m[i].key.p - 1, "unknown section \"%.*s\"", (int)ms.m[i].key.n, ms.m[i].key.p);
		read_section(&cf, &ms.m[i], c);
	}
	if (c->rage_within_ms > c->session_idle_ms) {
		const char *within = setting_at(&cf, "rage_click", "within"), *idle = setting_at(&cf, "session", "idle");
		cs_conf_bad(&cf, within ? within : idle ? idle : text, "rage_click.within must be shorter than session.idle");
	}
	cs_conf_free(&cf);
	return 0;
}

int cs_sig_conf_load(struct cs_sig_conf *c, const char *path, cs_buf *err)
{
	cs_buf text = CS_BUF_INIT;
	int rc = -1;
	if (cs_conf_slurp(path, &text, err) == 0)
		rc = cs_sig_conf_load_mem(c, path, text.p ? text.p : "", text.len, err);
	cs_buf_free(&text);
	return rc;
}
