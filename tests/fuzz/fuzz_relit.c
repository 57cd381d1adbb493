/* fuzz_relit: a pattern's required literals (svc_relit) and the prefilter
 * on them (svc_regex). The input is a pattern, a newline, then texts one a
 * line. When PCRE2 compiles the pattern, each text is matched by PCRE2
 * alone (JIT-compiled, as svc_regex does) and by cs_regex_find: they must agree, and a match must hold one
 * of the literals; cs_regex_literals must give the literals found here.
 * Any difference aborts. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "svc_regex.h"
#include "svc_relit.h"
#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int holds_literal(const cs_relits *lits, const char *s, size_t n)
{
	if (!lits->n)
		return 1;
	for (size_t k = 0; k < lits->n; k++)
		if (lits->len[k] <= n && memmem(s, n, lits->text.p + lits->off[k], lits->len[k]))
			return 1;
	return 0;
}

static void check_text(pcre2_code *code, cs_regex *re, const cs_relits *lits, pcre2_match_data *md,
		       const char *text, size_t len)
{
	size_t start = 0;   /* cs_regex_find starts at a character, past continuation bytes */
	while (start < len && ((unsigned char)text[start] & 0xC0) == 0x80)
		start++;
	int rc = pcre2_match(code, (PCRE2_SPTR)text, len, start, 0, md, NULL);
	size_t ms = 0, me = 0;
	int got = cs_regex_find(re, text, len, 0, &ms, &me);
	if (rc >= 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		if (ov[0] <= ov[1] && !holds_literal(lits, text + ov[0], ov[1] - ov[0]))
			abort();
		if (got == 0)
			abort();   /* the prefilter dropped a match (a limit hit is -1, allowed) */
	} else if (rc == PCRE2_ERROR_NOMATCH && got == 1) {
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data, *end = in + size;
	const char *nl = memchr(in, '\n', size);
	size_t plen = (size_t)((nl ? nl : end) - in);
	cs_relits lits = {0};
	cs_relit_required(in, plen, &lits);
	int ec;
	PCRE2_SIZE off;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)in, plen, PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &ec,
					 &off, NULL);
	cs_buf err = CS_BUF_INIT;
	cs_regex *re = code ? cs_regex_new(in, plen, &err) : NULL;
	if (code)
		pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);   /* as cs_regex does: the interpreter differs on invalid UTF-8 */
	const cs_relits *kept = re ? cs_regex_literals(re) : NULL;
	if (re && (lits.n ? !kept || kept->n != lits.n : kept != NULL))
		abort();   /* the literals a caller's own pass looks for are not the prefilter's */
	if (code && re && nl) {
		pcre2_match_data *md = pcre2_match_data_create(1, NULL);
		for (const char *t = nl + 1; t <= end;) {
			const char *e = memchr(t, '\n', (size_t)(end - t));
			size_t len = (size_t)((e ? e : end) - t);
			check_text(code, re, &lits, md, t, len);
			if (!e)
				break;
			t = e + 1;
		}
		pcre2_match_data_free(md);
	}
	cs_regex_free(re);
	pcre2_code_free(code);
	cs_buf_free(&err);
	cs_buf_free(&lits.text);
	cs_regex_thread_done();
	return 0;
}
