// expect: race
//
// A configuration reloader builds a new config block on the heap and
// publishes the pointer with a relaxed atomic store; readers load it
// relaxed and read its fields. Relaxed orders nothing: the fields'
// initialisation is not ordered before the readers' reads (release on
// the store and acquire on the load would be). The old block is kept
// (not freed) to keep the example about publication only.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct config {
    int max_conns;
    int timeout_ms;
    char mode[8];
};

static struct config initial = {10, 500, "safe"};
static _Atomic(struct config *) current = &initial;

static void *reloader(void *arg)
{
    (void)arg;
    struct config *c = malloc(sizeof *c);
    if (c == NULL)
        return NULL;
    c->max_conns = 20;
    c->timeout_ms = 250;
    snprintf(c->mode, sizeof c->mode, "fast");
    atomic_store_explicit(&current, c, memory_order_relaxed);
    return c;
}

static void *reader(void *arg)
{
    int *limit = arg;
    for (int i = 0; i < 2; i++) {
        struct config *c = atomic_load_explicit(&current, memory_order_relaxed);
        *limit = c->max_conns * c->timeout_ms;
    }
    return NULL;
}

int main(void)
{
    pthread_t w, r;
    int limit = 0;
    void *fresh;
    pthread_create(&r, NULL, reader, &limit);
    pthread_create(&w, NULL, reloader, NULL);
    pthread_join(w, &fresh);
    pthread_join(r, NULL);
    printf("limit %d\n", limit);
    free(fresh);
    return 0;
}
