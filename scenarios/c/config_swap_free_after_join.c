// expect: outcomes "budget 300\n" "budget 1000\n"
//
// The atomic-pointer configuration with a crude but sound grace period:
// the updater swaps the new config in and returns the old one, and main
// frees it only after joining every reader that may have loaded it.
// Each reader sees one whole config, old or new.
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
    return atomic_exchange_explicit(&current, fresh, memory_order_acq_rel);
}

int main(void)
{
    atomic_store(&current, config_new(100, 3));
    long budget = 0;
    void *old;
    pthread_t r, u;
    pthread_create(&r, NULL, reader, &budget);
    pthread_create(&u, NULL, updater, NULL);
    pthread_join(u, &old);
    pthread_join(r, NULL);
    free(old); /* no reader is left that could hold it */
    printf("budget %ld\n", budget);
    free(atomic_load(&current));
    return 0;
}
