/* TEMPORARY stub until the sentiment service lands: a tiny word list. */
#include "svc_sentiment.h"
#include "kit_mem.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
struct cs_lexicon { int unused; };
cs_lexicon *cs_lexicon_new(void) { return cs_calloc(1, sizeof(cs_lexicon)); }
int cs_lexicon_load_defaults(cs_lexicon *lx, const char *dir, cs_buf *err) { (void)lx; (void)dir; (void)err; return 0; }
int cs_lexicon_load_file(cs_lexicon *lx, const char *path, cs_buf *err) { (void)lx; (void)path; (void)err; return 0; }
int cs_lexicon_load_mem(cs_lexicon *lx, const char *name, const char *text, size_t len, cs_buf *err) { (void)lx; (void)name; (void)text; (void)len; (void)err; return 0; }
void cs_lexicon_free(cs_lexicon *lx) { free(lx); }
const char *cs_emotion_name(enum cs_emotion e)
{
	static const char *const names[] = {"anger", "frustration", "anxiety", "satisfaction"};
	return e < CS_EMO_N ? names[e] : "?";
}
static const struct { const char *w; double v; int emo; } words[] = {
	{"angry", -2.5, CS_EMO_ANGER}, {"furious", -3, CS_EMO_ANGER}, {"terrible", -2.5, -1}, {"bad", -2.5, -1},
	{"great", 3.1, CS_EMO_SATISFACTION}, {"thanks", 1.9, -1}, {"good", 1.9, -1}, {"太差", -2.5, CS_EMO_ANGER},
	{"生气", -2.5, CS_EMO_ANGER}, {"谢谢", 1.9, -1}, {"满意", 2, CS_EMO_SATISFACTION}, {"sorry", -0.3, -1},
	{"worried", -1.5, CS_EMO_ANXIETY}, {"担心", -1.5, CS_EMO_ANXIETY}, {"again", 0, CS_EMO_FRUSTRATION}, {"还没", -1, CS_EMO_FRUSTRATION},
};
void cs_senti_score(const cs_lexicon *lx, const char *text, size_t len, cs_senti *s)
{
	(void)lx;
	double sum = 0;
	s->nhits = 0;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		size_t wl = strlen(words[i].w);
		for (const char *p = text; (p = memmem(p, len - (size_t)(p - text), words[i].w, wl)); p += wl) {
			sum += words[i].v;
			if (words[i].emo >= 0) {
				if (s->nhits == s->hits_cap) {
					s->hits_cap = s->hits_cap ? s->hits_cap * 2 : 8;
					s->hits = cs_realloc(s->hits, s->hits_cap * sizeof *s->hits);
				}
				s->hits[s->nhits++] = (cs_emo_hit){(size_t)(p - text), (size_t)(p - text) + wl, (enum cs_emotion)words[i].emo};
			}
		}
	}
	s->compound = sum / sqrt(sum * sum + 15);
	s->label = s->compound >= 0.05 ? 1 : s->compound <= -0.05 ? -1 : 0;
	s->pos = s->neg = 0;
	s->neu = 1;
}
void cs_senti_free(cs_senti *s) { free(s->hits); *s = (cs_senti)CS_SENTI_INIT; }
