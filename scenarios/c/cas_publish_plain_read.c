// expect: race
//
// A lazily created object published with __sync_bool_compare_and_swap
// (a full barrier), but read on the fast path with a plain load of the
// pointer: the plain load races with the CAS, and nothing orders the
// object's initialisation before the reader's use of it.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct conf {
    int port;
};

static struct conf *conf;

static struct conf *get_conf(void)
{
    struct conf *c = conf; /* BUG: plain load */
    if (c)
        return c;
    c = malloc(sizeof *c);
    c->port = 80;
    if (!__sync_bool_compare_and_swap(&conf, NULL, c)) {
        free(c);
        c = __sync_fetch_and_add(&conf, 0);
    }
    return c;
}

static void *user(void *arg)
{
    (void)arg;
    return (void *)(long)get_conf()->port;
}

int main(void)
{
    pthread_t a, b;
    void *ra, *rb;
    pthread_create(&a, NULL, user, NULL);
    pthread_create(&b, NULL, user, NULL);
    pthread_join(a, &ra);
    pthread_join(b, &rb);
    printf("%ld %ld\n", (long)ra, (long)rb);
    free(conf);
    return 0;
}
