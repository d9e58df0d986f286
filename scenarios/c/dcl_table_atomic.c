// expect: outcomes "crc 0 1996959894 3993919788 2567524794\n"
//
// A lazily built CRC table with double-checked locking done right: the
// fast path is an acquire load of an atomic pointer, the slow path builds
// the table under a mutex and publishes it with a release store, so a
// thread that sees the pointer sees the table.
#include <stdatomic.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static _Atomic(uint32_t *) table;
static pthread_mutex_t init_mu = PTHREAD_MUTEX_INITIALIZER;

static uint32_t *get_table(void)
{
    uint32_t *t = atomic_load_explicit(&table, memory_order_acquire);
    if (t)
        return t;
    pthread_mutex_lock(&init_mu);
    t = atomic_load_explicit(&table, memory_order_relaxed);
    if (!t) {
        t = malloc(4 * sizeof *t);
        for (uint32_t n = 0; n < 4; n++) {
            uint32_t c = n;
            for (int k = 0; k < 8; k++)
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        atomic_store_explicit(&table, t, memory_order_release);
    }
    pthread_mutex_unlock(&init_mu);
    return t;
}

static uint32_t seen[2];

static void *user(void *arg)
{
    int i = (int)(long)arg;
    seen[i] = get_table()[i + 1];
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, user, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    uint32_t *tb = get_table();
    printf("crc %u %u %u %u\n", tb[0], seen[0], seen[1], tb[3]);
    free(tb);
    return 0;
}
