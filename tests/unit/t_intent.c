/* t_intent: the intent classifier (svc_intent.c): it learns a small
 * English and Chinese set, the same data and seed give the same model on
 * any number of threads, a model survives its file, a damaged file is
 * refused with a reason, version 1 and 2 files (no word pairs; byte-wise
 * n-gram keys) are still read, version 3's filter of pairs by their stems
 * changes no score,
 * pairs of words only one text has are left out, the word cache of
 * prediction changes no score (also once it has filled and started over),
 * confidences are a distribution, the fitted temperature is where the
 * held-out likelihood is highest, and models of few labels (summed in
 * vectors) and more score alike; no examples at all give a model that
 * knows no feature and favours no label. */
#include "svc_intent.h"
#include "tap.h"
#include <math.h>
#include <stdlib.h>
#include <unistd.h>
#include <zstd.h>

/* A call that must fail, with err saying want; err.p is read after the call. */
#define refused(call, want, ...) do { int r_ = !(call); ok(r_ && strstr(err.p ? err.p : "", want), __VA_ARGS__); } while (0)

static const char *const names[] = {"order_status", "refund", "account"};

static const struct {
	const char *text;
	uint32_t label;
} data[] = {
	{"where is my order", 0}, {"my parcel has not arrived", 0}, {"track my package please", 0},
	{"when will my delivery come", 0}, {"order still not here", 0}, {"我的订单还没到", 0},
	{"快递到哪里了", 0}, {"包裹什么时候到", 0}, {"查一下物流", 0},
	{"I want a refund", 1}, {"give me my money back", 1}, {"how do I return this", 1},
	{"refund my order please", 1}, {"the refund has not arrived", 1}, {"我要退款", 1},
	{"退货怎么办", 1}, {"钱什么时候退回来", 1}, {"申请退款", 1},
	{"I forgot my password", 2}, {"cannot log in to my account", 2}, {"reset my password", 2},
	{"my account is locked", 2}, {"change my email address", 2}, {"忘记密码了", 2},
	{"登录不了", 2}, {"账号被锁了", 2}, {"修改密码", 2},
};
#define N (sizeof data / sizeof *data)

static struct cs_intent_example ex[N];

static cs_intent_model *train(int threads, uint64_t seed)
{
	struct cs_intent_params p;
	cs_intent_params_init(&p);
	p.threads = threads;
	p.seed = seed;
	return cs_intent_train(ex, N, names, 3, &p);
}

static uint32_t predict(const cs_intent_model *m, const char *text)
{
	double scores[3];
	cs_intent_scratch *s = cs_intent_scratch_new();
	uint32_t best = cs_intent_scores(m, text, strlen(text), s, scores);
	cs_intent_scratch_free(s);
	return best;
}

static int same_bytes(const cs_buf *a, const cs_buf *b)
{
	return a->len == b->len && memcmp(a->p, b->p, a->len) == 0;
}

static void learns(void)
{
	cs_intent_model *m = train(1, 1);
	size_t right = 0;
	for (size_t i = 0; i < N; i++)
		right += predict(m, data[i].text) == data[i].label;
	is_int(right, N, "every training example is predicted as labelled");
	is_int(predict(m, "where is my parcel?"), 0, "an unseen English request: order_status");
	is_int(predict(m, "我想退款"), 1, "an unseen Chinese request: refund");
	is_int(predict(m, "ＰＡＳＳＷＯＲＤ forgotten"), 2, "full-width and upper case are folded");
	is_int(cs_intent_labels(m), 3, "three labels");
	is_str(cs_intent_label(m, 1), "refund", "labels keep their names");
	ok(cs_intent_features(m) > 100, "word and character n-grams make the vocabulary (%zu)", cs_intent_features(m));
	double scores[3];
	cs_intent_scratch *s = cs_intent_scratch_new();
	cs_intent_scores(m, "", 0, s, scores);
	cs_intent_scores(m, "zzzz qqqq", 9, s, scores);
	cs_intent_set_temperature(m, 5);
	cs_intent_confidence(m, scores);
	ok(fabs(scores[0] + scores[1] + scores[2] - 1) < 1e-9, "confidences of unknown words sum to 1");
	cs_intent_scores(m, "refund please", 13, s, scores);
	cs_intent_confidence(m, scores);
	ok(scores[1] > 0.5 && scores[1] < 1, "a clear request is confident, not certain (%.3f)", scores[1]);
	cs_intent_scratch_free(s);
	cs_intent_free(m);
}

static void deterministic(void)
{
	cs_buf a = CS_BUF_INIT, b = CS_BUF_INIT, c = CS_BUF_INIT;
	cs_intent_model *m1 = train(1, 1), *m2 = train(3, 1), *m3 = train(1, 7);
	cs_intent_serialize(m1, &a);
	cs_intent_serialize(m2, &b);
	cs_intent_serialize(m3, &c);
	ok(same_bytes(&a, &b), "one thread or three: the same model, byte for byte");
	ok(!same_bytes(&a, &c), "another seed: another model");
	cs_intent_free(m1);
	cs_intent_free(m2);
	cs_intent_free(m3);
	cs_buf_free(&a);
	cs_buf_free(&b);
	cs_buf_free(&c);
}

/* The serialized model without its zstd frame. */
static void raw_of(const cs_buf *z, cs_buf *raw)
{
	unsigned long long n = ZSTD_getFrameContentSize(z->p, z->len);
	cs_buf_reserve(raw, (size_t)n + 1);
	raw->len = ZSTD_decompress(raw->p, (size_t)n, z->p, z->len);
	raw->p[raw->len] = '\0';   /* for strstr on the header */
}

/* The stems of pairs raw's header counts. */
static size_t pair_stem_count(const cs_buf *raw)
{
	const char *at = strstr(raw->p, "\"pair_stems\":");
	return at ? (size_t)strtoul(at + strlen("\"pair_stems\":"), NULL, 10) : 0;
}

/* raw without its stems of pairs: the header's count and the keys at the end. */
static void without_pair_stems(cs_buf *raw)
{
	char *at = strstr(raw->p, ",\"pair_stems\":");
	if (!at)
		return;
	char *end = at + strlen(",\"pair_stems\":");
	long count = strtol(end, &end, 10);
	memmove(at, end, raw->len - (size_t)(end - raw->p));
	raw->len -= (size_t)(end - at) + (size_t)count * 8;
}

static void file_round_trip(void)
{
	cs_intent_model *m = train(1, 1);
	cs_intent_set_temperature(m, 4.5);
	cs_buf z = CS_BUF_INIT, err = CS_BUF_INIT;
	cs_intent_serialize(m, &z);
	char path[] = "/tmp/t_intent.XXXXXX";
	int fd = mkstemp(path);
	ok(fd >= 0 && write(fd, z.p, z.len) == (ssize_t)z.len, "model written");
	close(fd);
	cs_intent_model *back = cs_intent_load(path, &err);
	unlink(path);
	ok(back != NULL, "and read back");
	if (back) {
		double s1[3], s2[3];
		cs_intent_scratch *s = cs_intent_scratch_new();
		cs_intent_scores(m, "退款 where is my order", 25, s, s1);
		cs_intent_scores(back, "退款 where is my order", 25, s, s2);
		ok(memcmp(s1, s2, sizeof s1) == 0, "the same scores from the file");
		ok(cs_intent_temperature(back) == 4.5, "the temperature kept");
		is_int(cs_intent_features(back), cs_intent_features(m), "the vocabulary kept");
		cs_intent_scratch_free(s);
		cs_intent_free(back);
	}
	cs_buf raw = CS_BUF_INIT;
	raw_of(&z, &raw);
	back = cs_intent_load_mem(raw.p, raw.len, "m", &err);
	ok(back != NULL, "read from memory");
	cs_intent_free(back);
	refused(cs_intent_load_mem(raw.p, raw.len - 3, "m", &err), "cut short", "cut short: %s", err.p);
	cs_buf_addc(&raw, 'x');
	refused(cs_intent_load_mem(raw.p, raw.len, "m", &err), "after its end", "a byte too many: %s", err.p);
	raw.len--;
	raw.p[0] = 'C';
	refused(cs_intent_load_mem(raw.p, raw.len, "m", &err), "not a cs-route model", "another magic: %s",
	   err.p);
	raw.p[0] = 'c';
	char *nan_at = raw.p + raw.len - 4 - 8 * pair_stem_count(&raw);   /* the last bias */
	memcpy(nan_at, "\x00\x00\xc0\x7f", 4);
	refused(cs_intent_load_mem(raw.p, raw.len, "m", &err), "not finite", "a NaN weight: %s", err.p);
	const char bad_head[] = "cs-intent-model 1\n{\"labels\":[],\"features\":0}\n";
	refused(cs_intent_load_mem(bad_head, sizeof bad_head - 1, "m", &err), "header", "no labels: %s",
	   err.p);
	ok(!cs_intent_load("/nonexistent/model", &err), "a missing file");
	cs_buf_free(&raw);
	cs_buf_free(&z);
	cs_buf_free(&err);
	cs_intent_free(m);
}

/* m's file under the magic of an earlier version ('1': read without its
 * word pairs; '2': with n-gram keys hashed byte by byte). */
static cs_intent_model *as_version(const cs_intent_model *m, char version)
{
	cs_buf z = CS_BUF_INIT, raw = CS_BUF_INIT, err = CS_BUF_INIT;
	cs_intent_serialize(m, &z);
	raw_of(&z, &raw);
	without_pair_stems(&raw);   /* earlier versions had none */
	raw.p[16] = version;
	cs_intent_model *old = cs_intent_load_mem(raw.p, raw.len, "m", &err);
	cs_buf_free(&z);
	cs_buf_free(&raw);
	cs_buf_free(&err);
	return old;
}

static int same_scores(const cs_intent_model *a, const cs_intent_model *b, const char *text)
{
	double x[3], y[3];
	cs_intent_scratch *s = cs_intent_scratch_new();
	cs_intent_scores(a, text, strlen(text), s, x);
	cs_intent_scores(b, text, strlen(text), s, y);
	cs_intent_scratch_free(s);
	return memcmp(x, y, sizeof x) == 0;
}

/* Does a pair of words of text count: scored otherwise with and without pairs? */
static int pair_counts(const cs_intent_model *m, const cs_intent_model *old, const char *text)
{
	return !same_scores(m, old, text);
}

/* Earlier versions are read and scored as they were: under version 1's
 * magic a text with a known pair ("my" with "order") scores otherwise than
 * under version 2's; under version 2's, a text known by its character
 * n-grams scores otherwise than under version 3's (the byte-wise keys find
 * none of them); a text without known features alike in each. */
static void earlier_versions(void)
{
	cs_intent_model *m = train(1, 1);
	cs_buf z = CS_BUF_INIT, raw = CS_BUF_INIT;
	cs_intent_serialize(m, &z);
	raw_of(&z, &raw);
	ok(raw.len > 18 && memcmp(raw.p, "cs-intent-model 3\n", 18) == 0, "models are written as version 3");
	cs_intent_model *old = as_version(m, '1'), *v2 = as_version(m, '2');
	ok(old != NULL && v2 != NULL, "version 1 and 2 models are read");
	if (old && v2) {
		ok(pair_counts(v2, old, "where is my order"), "a text with a known pair: it counts from version 2 on");
		ok(!pair_counts(v2, old, "zzz"), "a text with no known feature: the same scores");
		ok(pair_counts(m, v2, "zzzorder"), "a text known by its character n-grams only: version 2 keys them otherwise");
		ok(!pair_counts(m, v2, "zzz"), "and one with no known feature scores alike");
	}
	cs_intent_free(old);
	cs_intent_free(v2);
	cs_buf_free(&z);
	cs_buf_free(&raw);
	cs_intent_free(m);
}

/* Version 3 keeps the stems of its known pairs and makes pairs of those
 * alone: the scores are the ones all pairs give (the same file without
 * them), to the bit. A damaged list is refused. */
static void pair_stems(void)
{
	cs_intent_model *m = train(1, 1);
	cs_buf z = CS_BUF_INIT, raw = CS_BUF_INIT, err = CS_BUF_INIT;
	cs_intent_serialize(m, &z);
	raw_of(&z, &raw);
	ok(strstr(raw.p, "\"pair_stems\":") != NULL, "the stems of pairs are in the file");
	cs_buf bare = CS_BUF_INIT;
	cs_buf_add(&bare, raw.p, raw.len);
	without_pair_stems(&bare);
	cs_intent_model *all = cs_intent_load_mem(bare.p, bare.len, "m", &err);
	ok(all != NULL, "a file without them is read: %s", all ? "" : err.p);
	int same = all != NULL;
	for (size_t i = 0; i < N && all; i++)
		same &= same_scores(m, all, data[i].text);
	const char *more[] = {"my order my refund my password", "where is my refund order account", "账号 订单 退款 密码"};
	for (size_t i = 0; i < 3 && all; i++)
		same &= same_scores(m, all, more[i]);
	ok(same, "every text scores the same with the stems' filter and without it");
	memcpy(raw.p + raw.len - 8, raw.p + raw.len - 16, 8);
	refused(cs_intent_load_mem(raw.p, raw.len, "m", &err), "stems of pairs", "a stem twice: %s", err.p);
	refused(cs_intent_load_mem(raw.p, raw.len - 4, "m", &err), "stems of pairs", "cut short: %s", err.p);
	cs_intent_free(all);
	cs_intent_free(m);
	cs_buf_free(&bare);
	cs_buf_free(&raw);
	cs_buf_free(&z);
	cs_buf_free(&err);
}

static size_t features_of(const char *const *texts, size_t n)
{
	struct cs_intent_example e[4];
	for (size_t i = 0; i < n; i++)
		e[i] = (struct cs_intent_example){texts[i], strlen(texts[i]), (uint32_t)(i % 2)};
	struct cs_intent_params p;
	cs_intent_params_init(&p);
	cs_intent_model *m = cs_intent_train(e, n, names, 2, &p);
	size_t f = cs_intent_features(m);
	cs_intent_free(m);
	return f;
}

/* The pairs of words of one text alone are left out: the same two texts
 * twice have their four pairs more (alpha-beta, alpha-gamma, beta-gamma,
 * delta-epsilon) and nothing else. */
static void lone_pairs(void)
{
	const char *once[] = {"alpha beta gamma", "delta epsilon"};
	const char *twice[] = {"alpha beta gamma", "delta epsilon", "alpha beta gamma", "delta epsilon"};
	is_int(features_of(twice, 4) - features_of(once, 2), 4, "pairs of one text left out, of two kept");
	const char *stems[] = {"cards arriving", "delta", "card arrives", "epsilon"};
	struct cs_intent_example e[4];
	for (size_t i = 0; i < 4; i++)
		e[i] = (struct cs_intent_example){stems[i], strlen(stems[i]), (uint32_t)(i % 2)};
	struct cs_intent_params p;
	cs_intent_params_init(&p);
	/* read as versions 2 and 1, whose character n-grams are keyed alike */
	cs_intent_model *m = cs_intent_train(e, 4, names, 2, &p), *v2 = as_version(m, '2'), *old = as_version(m, '1');
	ok(pair_counts(v2, old, "arrive card"), "a pair is of stems, in any order: arrive-card is cards-arriving");
	ok(!pair_counts(v2, old, "arrive carp"), "and arrive-carp is no known pair");
	cs_intent_free(old);
	cs_intent_free(v2);
	cs_intent_free(m);
}

/* A made-up word of syllables the training texts share (so many of its
 * n-grams are known), number i; every third one longer than the cache
 * keeps, every seventh with Han characters. */
static void made_up_word(size_t i, cs_buf *w)
{
	static const char *const syl[] = {"or", "der", "re", "fund", "pass", "word", "ac", "count", "my", "ar",
					  "riv", "ed", "lock", "mon", "ey", "back", "tra", "ck", "de", "liv"};
	cs_buf_reset(w);
	for (size_t k = 0, x = i; k < 4; k++, x /= 20)
		cs_buf_adds(w, syl[x % 20]);
	if (i % 3 == 0)
		cs_buf_adds(w, "reallylongtailwithoutendandthenabitmore");
	if (i % 7 == 0)
		cs_buf_adds(w, "退款");
}

/* Scores from one scratch for all texts (its cache warm, filling and
 * starting over) against one whose cache is emptied before each text (by
 * scoring with another model between), so that every word is worked out:
 * the same, bit for bit. */
static void word_cache(void)
{
	cs_intent_model *m = train(1, 1), *other = train(1, 7);
	cs_intent_scratch *warm = cs_intent_scratch_new(), *cold = cs_intent_scratch_new();
	cs_buf text = CS_BUF_INIT, w = CS_BUF_INIT;
	size_t differ = 0, texts = 0;
	double a[3], b[3];
	for (size_t i = 0; i < 20000; i++, texts++) {
		cs_buf_reset(&text);
		for (size_t k = 0; k < 5; k++) {   /* words i .. i + 4: four of them in the text before */
			made_up_word(i + k, &w);
			cs_buf_printf(&text, "%s%.*s", k ? " " : "", (int)w.len, w.p);
		}
		cs_intent_scores(m, text.p, text.len, warm, a);
		cs_intent_scores(other, "", 0, cold, b);
		cs_intent_scores(m, text.p, text.len, cold, b);
		differ += memcmp(a, b, sizeof a) != 0;
	}
	is_int(differ, 0, "%zu texts of five words, each word in five: cached words score as worked out", texts);
	cs_buf_free(&text);
	cs_buf_free(&w);
	cs_intent_scratch_free(warm);
	cs_intent_scratch_free(cold);
	cs_intent_free(m);
	cs_intent_free(other);
}

/* Scores whose right label leads by a margin drawn so that softmax at t = 2
 * is the truth: the fitted temperature beats its neighbours. */
static void temperature(void)
{
	enum { ROWS = 400, L = 4 };
	static double scores[ROWS * L];
	static uint32_t truth[ROWS];
	uint64_t s = 12345;
	for (size_t i = 0; i < ROWS; i++) {
		for (size_t l = 0; l < L; l++) {
			s = s * 6364136223846793005ull + 1442695040888963407ull;
			scores[i * L + l] = (double)(s >> 11) / 9007199254740992.0;
		}
		truth[i] = (uint32_t)(i % L);
		scores[i * L + truth[i]] += (i % 3 == 0) ? -0.2 : 0.8;
	}
	double t = cs_intent_fit_temperature(scores, truth, ROWS, L, 1);
	ok(t > 0.01 && t < 100, "a temperature within its range (%.3f)", t);
	ok(cs_intent_fit_temperature(scores, truth, ROWS, L, 3) == t, "the same temperature on three threads");
	double at = 0, lo = 0, hi = 0;
	for (size_t i = 0; i < ROWS; i++) {
		double z[3] = {0, 0, 0};
		for (size_t l = 0; l < L; l++) {
			z[0] += exp(t * scores[i * L + l]);
			z[1] += exp(t * 0.8 * scores[i * L + l]);
			z[2] += exp(t * 1.25 * scores[i * L + l]);
		}
		double y = scores[i * L + truth[i]];
		at += log(z[0]) - t * y;
		lo += log(z[1]) - t * 0.8 * y;
		hi += log(z[2]) - t * 1.25 * y;
	}
	ok(at <= lo && at <= hi, "its likelihood beats 0.8 and 1.25 times it (%.2f, %.2f, %.2f)", at, lo, hi);
}

/* Models of 2, 5, 8 and 9 labels (the scores of up to eight are summed in
 * vectors that read eight floats of a row, the last row's past the end):
 * each label's own words win, and a text holding every feature, the last
 * row's included, scores finite (run under ASan, a read past the weights'
 * slack fails). */
static void label_counts(void)
{
	static const char *const words[] = {"apple", "banana", "cherry", "damson", "elder", "fig", "grape", "hazel", "iris"};
	static const size_t counts[] = {2, 5, 8, 9};
	for (size_t c = 0; c < sizeof counts / sizeof *counts; c++) {
		size_t nl = counts[c], n = 0;
		struct cs_intent_example e[9 * 3];
		char text[9 * 3][32];
		cs_buf all = CS_BUF_INIT;
		for (size_t l = 0; l < nl; l++)
			for (int k = 0; k < 3; k++) {
				snprintf(text[n], sizeof text[n], "%s %s %d", words[l], k ? "please" : "now", k);
				e[n] = (struct cs_intent_example){text[n], strlen(text[n]), (uint32_t)l};
				cs_buf_printf(&all, "%s ", text[n]);
				n++;
			}
		struct cs_intent_params p;
		cs_intent_params_init(&p);
		cs_intent_model *m = cs_intent_train(e, n, words, nl, &p);
		cs_intent_scratch *s = cs_intent_scratch_new();
		double scores[9];
		size_t right = 0;
		for (size_t l = 0; l < nl; l++)
			right += cs_intent_scores(m, words[l], strlen(words[l]), s, scores) == l;
		cs_intent_scores(m, all.p, all.len, s, scores);
		int finite = 1;
		for (size_t l = 0; l < nl; l++)
			finite &= isfinite(scores[l]) != 0;
		ok(right == nl && finite, "%zu labels: %zu of %zu words on their own label; every feature at once scores finite",
		   nl, right, nl);
		cs_intent_scratch_free(s);
		cs_intent_free(m);
		cs_buf_free(&all);
	}
}

static void no_examples(void)
{
	struct cs_intent_params p;
	cs_intent_params_init(&p);
	cs_intent_model *m = cs_intent_train(ex, 0, names, 3, &p);
	double scores[3];
	cs_intent_scratch *s = cs_intent_scratch_new();
	cs_intent_scores(m, "where is my order", 17, s, scores);
	ok(cs_intent_features(m) == 0 && scores[0] == scores[1] && scores[1] == scores[2],
	   "no examples: no features, every label scores the same");
	cs_intent_scratch_free(s);
	cs_intent_free(m);
}

int main(void)
{
	for (size_t i = 0; i < N; i++)
		ex[i] = (struct cs_intent_example){data[i].text, strlen(data[i].text), data[i].label};
	learns();
	deterministic();
	earlier_versions();
	pair_stems();
	lone_pairs();
	file_round_trip();
	word_cache();
	temperature();
	label_counts();
	no_examples();
	return tap_done();
}
