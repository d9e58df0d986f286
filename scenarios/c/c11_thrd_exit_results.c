// expect: outcomes "squares 1 4 9, total 14\n"
//
// C11 threads: each worker computes a square and ends with thrd_exit
// from a helper function (not by returning); thrd_join collects the
// int result. A mutex-protected total is also kept.
#include <stdio.h>
#include <threads.h>

static mtx_t mu;
static int total;

static _Noreturn void finish(int v)
{
    mtx_lock(&mu);
    total += v;
    mtx_unlock(&mu);
    thrd_exit(v);
}

static int worker(void *arg)
{
    int n = (int)(long)arg;
    finish(n * n);
}

int main(void)
{
    thrd_t t[3];
    int r[3];
    mtx_init(&mu, mtx_plain);
    for (long i = 0; i < 3; i++)
        if (thrd_create(&t[i], worker, (void *)(i + 1)) != thrd_success)
            return 1;
    for (int i = 0; i < 3; i++)
        thrd_join(t[i], &r[i]);
    printf("squares %d %d %d, total %d\n", r[0], r[1], r[2], total);
    mtx_destroy(&mu);
    return 0;
}
