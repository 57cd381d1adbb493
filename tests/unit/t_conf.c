/* t_conf: reading configuration values (lib/kit_conf.c): lists of strings. */
#include "kit_conf.h"
#include "kit_mem.h"
#include "tap.h"
#include <stdlib.h>
#include <string.h>

static void free_strings(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/* cs_conf_strings on the document's "k": the list and its count, or NULL
 * with the error in err and the count as it was. */
static char **strings_of(const char *doc, size_t *n, cs_buf *err)
{
	cs_conf c = {.file = "t.json", .text = doc, .len = strlen(doc), .err = err};
	char **volatile out = NULL;
	if (setjmp(c.fail)) {
		cs_conf_free(&c);
		return NULL;
	}
	cs_conf_members ms = cs_conf_members_of(&c, cs_conf_top(&c), NULL, "the document");
	out = cs_conf_strings(&c, cs_conf_val(&ms.m[0]), "k", n);
	cs_conf_free(&c);
	return out;
}

int main(void)
{
	cs_buf err = CS_BUF_INIT;
	size_t n = 99;
	char **one = strings_of("{\"k\": \"chat\"}", &n, &err);
	ok(one && n == 1 && strcmp(one[0], "chat") == 0 && one[1] == NULL, "a string is a list of one");
	free_strings(one, n);
	char **two = strings_of("{\"k\": [\"chat\", \"phone\"]}", &n, &err);
	ok(two && n == 2 && strcmp(two[1], "phone") == 0 && two[2] == NULL, "an array of strings");
	free_strings(two, n);
	n = 0;
	char **bad = strings_of("{\"k\": [\"chat\",\n 1]}", &n, &err);
	ok(!bad && n == 0 && err.p && strstr(err.p, "t.json:2:") && strstr(err.p, "\"k\" must be a string or a list of strings"),
	   "a number after a string: the error names its line, and nothing was counted (%s)", err.p ? err.p : "");
	cs_buf_reset(&err);
	ok(!strings_of("{\"k\": 3}", &n, &err) && n == 0 && strstr(err.p, "t.json:1:"), "neither a string nor an array");
	cs_buf_free(&err);
	return tap_done();
}
