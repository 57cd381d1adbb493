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

int main(void)
{
	fixture_enter("t_out");
	test_atomic_replace();
	test_abort_and_new();
	test_big_writes();
	test_fifo();
	fixture_leave();
	return tap_done();
}
