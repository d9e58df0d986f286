// expect: ok
//
// A read-mostly cache: lookups take the rwlock for reading, a refresher
// thread rebuilds each entry under the write lock until told to stop.
// The stop flag is an atomic the refresher polls between rounds (with a
// bounded number of rounds so the program always ends).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#define ENTRIES 4
#define ROUNDS 3

struct entry {
    char key[8];
    int value;
    unsigned version;
};

static struct entry cache[ENTRIES];
static pthread_rwlock_t cache_lock = PTHREAD_RWLOCK_INITIALIZER;
static atomic_int stop_refresh;

static int cache_lookup(const char *key, int *out)
{
    int found = 0;
    pthread_rwlock_rdlock(&cache_lock);
    for (int i = 0; i < ENTRIES; i++) {
        if (strcmp(cache[i].key, key) == 0) {
            *out = cache[i].value;
            found = 1;
            break;
        }
    }
    pthread_rwlock_unlock(&cache_lock);
    return found;
}

static void *refresher(void *arg)
{
    (void)arg;
    for (int round = 0; round < ROUNDS; round++) {
        if (atomic_load_explicit(&stop_refresh, memory_order_acquire))
            break;
        pthread_rwlock_wrlock(&cache_lock);
        for (int i = 0; i < ENTRIES; i++) {
            cache[i].value = cache[i].value * 2 + 1;
            cache[i].version++;
        }
        pthread_rwlock_unlock(&cache_lock);
    }
    return NULL;
}

static void *reader(void *arg)
{
    const char *key = arg;
    int hits = 0, v;
    for (int i = 0; i < 3; i++)
        if (cache_lookup(key, &v) && v >= 0)
            hits++;
    return (void *)(long)hits;
}

int main(void)
{
    pthread_t ref, rd[2];
    for (int i = 0; i < ENTRIES; i++) {
        snprintf(cache[i].key, sizeof cache[i].key, "k%d", i);
        cache[i].value = i;
    }
    pthread_create(&ref, NULL, refresher, NULL);
    pthread_create(&rd[0], NULL, reader, "k1");
    pthread_create(&rd[1], NULL, reader, "k3");
    long hits = 0;
    for (int i = 0; i < 2; i++) {
        void *h;
        pthread_join(rd[i], &h);
        hits += (long)h;
    }
    atomic_store_explicit(&stop_refresh, 1, memory_order_release);
    pthread_join(ref, NULL);
    unsigned versions = 0;
    for (int i = 0; i < ENTRIES; i++)
        versions += cache[i].version;
    return hits == 6 && versions <= ENTRIES * ROUNDS ? 0 : 1;
}
