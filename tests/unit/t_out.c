/* t_out: buffered, atomic output (lib/kit_out.c). */
#include "kit_out.h"
#include "tap.h"
#include "fixture.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>

static int temp_files_left(void)
{
	return system("ls -A | grep -q '^\\.out\\.ndjson\\.'") == 0;
}

static void test_atomic_replace(void)
{
	size_t n;
	write_str("out.ndjson", "old\n");
	chmod("out.ndjson", 0640);
	cs_out *o = cs_out_open("out.ndjson");
	cs_out_write(o, "new ", 4);
	cs_out_putc(o, '\n');
	cs_out_flush(o);
	char *mid = read_all("out.ndjson", &n);
	is_str(mid, "old\n", "the old file stays until close, even after a flush");
	free(mid);
	ok(temp_files_left(), "the new bytes are in a temporary file beside it");
	cs_out_close(o);
	char *now = read_all("out.ndjson", &n);
	is_str(now, "new \n", "close puts the new file in place");
	free(now);
	struct stat st;
	stat("out.ndjson", &st);
	is_int(st.st_mode & 0777, 0640, "an existing file keeps its mode");
	ok(!temp_files_left(), "no temporary file is left");
}

static void test_abort_and_new(void)
{
	size_t n;
	cs_out *o = cs_out_open("out.ndjson");
	cs_out_write(o, "half", 4);
	cs_out_abort(o);
	char *kept = read_all("out.ndjson", &n);
	is_str(kept, "new \n", "abort keeps the old file");
	free(kept);
	ok(!temp_files_left(), "and removes the temporary one");
	o = cs_out_open("fresh.ndjson");
	cs_out_write(o, "x\n", 2);
	cs_out_close(o);
	struct stat st;
	stat("fresh.ndjson", &st);
	is_int(st.st_mode & 0777, 0600, "a new file is private: mode 0600");
}

static void test_big_writes(void)
{
	size_t n, big = (size_t)3 << 20;
	char *data = malloc(big);
	for (size_t i = 0; i < big; i++)
		data[i] = (char)('a' + i % 26);
	cs_out *o = cs_out_open("big.ndjson");
	cs_out_write(o, data, 10);
	cs_out_write(o, data, big);
	cs_out_close(o);
	char *got = read_all("big.ndjson", &n);
	ok(n == big + 10 && memcmp(got, data, 10) == 0 && memcmp(got + 10, data, big) == 0,
	   "writes larger than the buffer arrive whole and in order");
	free(got);
	free(data);
}

static void test_fifo(void)
{
	mkfifo("pipe", 0600);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		cs_out *o = cs_out_open("pipe");
		cs_out_write(o, "through\n", 8);
		cs_out_close(o);
		_exit(0);
	}
	int fd = open("pipe", O_RDONLY);
	char buf[32] = "";
	ssize_t r = read(fd, buf, sizeof buf - 1);
	close(fd);
	waitpid(pid, NULL, 0);
	ok(r == 8 && strcmp(buf, "through\n") == 0, "a FIFO is written directly");
	struct stat st;
	ok(stat("pipe", &st) == 0 && S_ISFIFO(st.st_mode), "and stays a FIFO");
}

/* --split: several atomic outputs at once, each kept or dropped alike. */
static void test_several(void)
{
	size_t n;
	cs_out *a = cs_out_open_sized("part-1.ndjson", 16384);
	cs_out *b = cs_out_open_sized("part-2.ndjson", 16384);
	cs_out_write(a, "one\n", 4);
	cs_out_write(b, "two\n", 4);
	ok(system("ls -A | grep -q '^\\.part-1\\.ndjson\\.'") == 0 &&
	   system("ls -A | grep -q '^\\.part-2\\.ndjson\\.'") == 0, "two temporary files at once");
	cs_out_close(a);
	cs_out_close(b);
	char *one = read_all("part-1.ndjson", &n), *two = read_all("part-2.ndjson", &n);
	is_str(one, "one\n", "the first output in place");
	is_str(two, "two\n", "the second output in place");
	free(one);
	free(two);
	a = cs_out_open_sized("part-1.ndjson", 16384);
	b = cs_out_open_sized("part-2.ndjson", 16384);
	cs_out_write(a, "new\n", 4);
	cs_out_abort(a);
	cs_out_abort(b);
	one = read_all("part-1.ndjson", &n);
	is_str(one, "one\n", "an aborted run leaves each file as it was");
	free(one);
	ok(system("ls -A | grep -q '^\\.part-'") != 0, "and no temporary file");
}

static void test_memory(void)
{
	const char *p;
	size_t n;
	cs_out *m = cs_out_memory();
	for (int i = 0; i < 5000; i++)
		cs_out_write(m, "0123456789", 10);
	cs_out_putc(m, '\n');
	cs_out_staged(m, &p, &n);
	ok(n == 50001 && p[0] == '0' && p[n - 1] == '\n', "memory grows to hold all that is written");
	cs_out_clear(m);
	cs_out_flush(m);
	cs_out_staged(m, &p, &n);
	is_int(n, 0, "cleared, and a flush writes nothing anywhere");
	cs_out_close(m);
}

int main(void)
{
	fixture_enter("t_out");
	test_atomic_replace();
	test_abort_and_new();
	test_big_writes();
	test_fifo();
	test_several();
	test_memory();
	fixture_leave();
	return tap_done();
}
