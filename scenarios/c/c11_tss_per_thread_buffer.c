// expect: outcomes "a=0,1,2 b=0,1,2 freed 2\n"
//
// C11 tss: each thread's formatting buffer is malloc'd on first use and
// kept in a tss_t; the tss destructor frees it when the thread exits
// (counted with an atomic). Each thread formats into its own buffer, so
// the strings do not mix.
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

static tss_t buf_key;
static atomic_int freed;
static char results[2][32];

static void free_buf(void *p)
{
    free(p);
    atomic_fetch_add(&freed, 1);
}

static char *thread_buf(void)
{
    char *b = tss_get(buf_key);
    if (b == NULL) {
        b = calloc(1, 32);
        if (b == NULL || tss_set(buf_key, b) != thrd_success)
            abort();
    }
    return b;
}

static int formatter(void *arg)
{
    int id = (int)(long)arg;
    char *b = thread_buf();
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(b);
        snprintf(b + n, 32 - n, i ? ",%d" : "%d", i);
    }
    memcpy(results[id], thread_buf(), 32);
    return 0;
}

int main(void)
{
    if (tss_create(&buf_key, free_buf) != thrd_success)
        return 1;
    thrd_t a, b;
    thrd_create(&a, formatter, (void *)0L);
    thrd_create(&b, formatter, (void *)1L);
    thrd_join(a, NULL);
    thrd_join(b, NULL);
    printf("a=%s b=%s freed %d\n", results[0], results[1],
           atomic_load(&freed));
    tss_delete(buf_key);
    return 0;
}
