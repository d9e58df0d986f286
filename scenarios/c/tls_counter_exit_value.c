// expect: outcomes "hits 7 misses 4\n"
//
// Hot-path counters kept in __thread variables (no locking on the hot
// path); each worker hands its final counts to main through its exit
// value (a heap block), and main adds them after pthread_join.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static __thread unsigned long tl_hits;
static __thread unsigned long tl_misses;

static const int table[] = {3, 8, 1, 9, 4, 7};

static int lookup(int key)
{
    for (unsigned i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (table[i] == key) {
            tl_hits++;
            return (int)i;
        }
    }
    tl_misses++;
    return -1;
}

struct result {
    unsigned long hits, misses;
};

static void *worker(void *arg)
{
    const int *keys = arg;
    for (int i = 0; keys[i] != 0; i++)
        lookup(keys[i]);
    struct result *r = malloc(sizeof *r);
    if (r == NULL)
        return NULL;
    r->hits = tl_hits;
    r->misses = tl_misses;
    pthread_exit(r);
}

int main(void)
{
    static const int keys_a[] = {3, 5, 8, 2, 9, 0};
    static const int keys_b[] = {1, 4, 6, 7, 11, 7, 0};
    pthread_t a, b;
    pthread_create(&a, NULL, worker, (void *)keys_a);
    pthread_create(&b, NULL, worker, (void *)keys_b);
    unsigned long hits = tl_hits, misses = tl_misses;
    pthread_t ts[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        void *v;
        pthread_join(ts[i], &v);
        struct result *r = v;
        if (r == NULL)
            return 1;
        hits += r->hits;
        misses += r->misses;
        free(r);
    }
    printf("hits %lu misses %lu\n", hits, misses);
    return 0;
}
