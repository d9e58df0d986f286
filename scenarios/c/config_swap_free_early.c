// expect: race panic
//
// Read-mostly configuration published through an atomic pointer: readers
// load the pointer (acquire) and read fields; the updater builds a new
// config, swaps it in with atomic_exchange and frees the old one at
// once. A reader that loaded the old pointer just before the swap is
// still reading it when it is freed: the free races with the reader's
// loads, and a later read is a use after free. (It needs a grace period:
// wait until no reader can hold the old pointer.)
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct config {
    int timeout_ms;
    int retries;
};

static _Atomic(struct config *) current;

static struct config *config_new(int timeout, int retries)
{
    struct config *c = malloc(sizeof *c);
    if (c == NULL)
        abort();
    c->timeout_ms = timeout;
    c->retries = retries;
    return c;
}

static void *reader(void *arg)
{
    long *budget = arg;
    struct config *c = atomic_load_explicit(&current, memory_order_acquire);
    *budget = (long)c->timeout_ms * c->retries;
    return NULL;
}

static void *updater(void *arg)
{
    (void)arg;
    struct config *fresh = config_new(200, 5);
    struct config *old = atomic_exchange_explicit(&current, fresh,
                                                  memory_order_acq_rel);
    free(old); /* BUG: a reader may still be using it */
    return NULL;
}

int main(void)
{
    atomic_store(&current, config_new(100, 3));
    long budget = 0;
    pthread_t r, u;
    pthread_create(&r, NULL, reader, &budget);
    pthread_create(&u, NULL, updater, NULL);
    pthread_join(r, NULL);
    pthread_join(u, NULL);
    printf("budget %ld\n", budget);
    free(atomic_load(&current));
    return 0;
}
