// expect: outcomes "destructors 2 freed 2\n"
//
// C11 thread-specific storage: each worker keeps a scratch buffer in a
// tss_t whose destructor frees it when the thread ends (by thrd_exit in
// one, by returning in the other). main counts the destructor calls
// after joining.
#include <stdio.h>
#include <stdlib.h>
#include <threads.h>

static tss_t scratch;
static mtx_t mu;
static int destructors, freed;

static void release(void *p)
{
    mtx_lock(&mu);
    destructors++;
    if (p)
        freed++;
    mtx_unlock(&mu);
    free(p);
}

static int worker(void *arg)
{
    char *buf = malloc(32);
    tss_set(scratch, buf);
    snprintf(buf, 32, "worker %d", (int)(long)arg);
    if ((long)arg == 1)
        thrd_exit(0);
    return 0;
}

int main(void)
{
    thrd_t a, b;
    mtx_init(&mu, mtx_plain);
    if (tss_create(&scratch, release) != thrd_success)
        return 1;
    thrd_create(&a, worker, (void *)1L);
    thrd_create(&b, worker, (void *)2L);
    thrd_join(a, NULL);
    thrd_join(b, NULL);
    printf("destructors %d freed %d\n", destructors, freed);
    tss_delete(scratch);
    mtx_destroy(&mu);
    return 0;
}
