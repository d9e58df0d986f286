// expect: outcomes "lines 9 bytes 19\n"
//
// Per-thread statistics in C11 thread-specific storage: each thread
// allocates its block on first use, and tss's destructor, run when the
// thread returns, folds the block into the global totals under a mutex
// and frees it. main reads the totals after joining every thread.
#include <stdio.h>
#include <stdlib.h>
#include <threads.h>

struct stats {
    long lines;
    long bytes;
};

static tss_t stats_key;
static mtx_t totals_lock;
static long total_lines, total_bytes;

static void stats_fold(void *p)
{
    struct stats *s = p;
    mtx_lock(&totals_lock);
    total_lines += s->lines;
    total_bytes += s->bytes;
    mtx_unlock(&totals_lock);
    free(s);
}

static struct stats *my_stats(void)
{
    struct stats *s = tss_get(stats_key);
    if (s == NULL) {
        s = calloc(1, sizeof *s);
        if (s == NULL)
            abort();
        tss_set(stats_key, s);
    }
    return s;
}

static void record_line(int len)
{
    struct stats *s = my_stats();
    s->lines++;
    s->bytes += len;
}

static int parser(void *arg)
{
    int n = (int)(long)arg;
    for (int i = 1; i <= n; i++)
        record_line(i);
    return 0;
}

int main(void)
{
    thrd_t t[3];
    if (tss_create(&stats_key, stats_fold) != thrd_success)
        return 1;
    mtx_init(&totals_lock, mtx_plain);
    /* 2, 3 and 4 lines: (1+2) + (1+2+3) + (1+2+3+4) = 19 bytes */
    for (long i = 0; i < 3; i++)
        thrd_create(&t[i], parser, (void *)(i + 2));
    for (int i = 0; i < 3; i++)
        thrd_join(t[i], NULL);
    printf("lines %ld bytes %ld\n", total_lines, total_bytes);
    tss_delete(stats_key);
    mtx_destroy(&totals_lock);
    return 0;
}
