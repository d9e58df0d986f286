// expect: race
//
// A read-mostly cache whose refresher thread updates the entries while
// holding the rwlock only for reading (it was changed from a read-only
// "verify" pass): readers holding the same lock for reading run beside
// it, so a lookup reads an entry's value while the refresher writes it.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define ENTRIES 4

struct entry {
    char key[8];
    int value;
    unsigned stamp;
};

static struct entry cache[ENTRIES];
static pthread_rwlock_t cache_lock = PTHREAD_RWLOCK_INITIALIZER;

static int cache_get(const char *key, int *out)
{
    int found = 0;
    pthread_rwlock_rdlock(&cache_lock);
    for (int i = 0; i < ENTRIES && !found; i++) {
        if (strcmp(cache[i].key, key) == 0) {
            *out = cache[i].value;
            found = 1;
        }
    }
    pthread_rwlock_unlock(&cache_lock);
    return found;
}

static void *refresher(void *arg)
{
    (void)arg;
    for (int round = 1; round <= 2; round++) {
        pthread_rwlock_rdlock(&cache_lock); /* should be wrlock */
        for (int i = 0; i < ENTRIES; i++) {
            if (cache[i].stamp < (unsigned)round) {
                cache[i].value += 10;
                cache[i].stamp = (unsigned)round;
            }
        }
        pthread_rwlock_unlock(&cache_lock);
    }
    return NULL;
}

static void *client(void *arg)
{
    int v, sum = 0;
    for (int i = 0; i < 2; i++)
        if (cache_get(arg, &v))
            sum += v;
    return (void *)(long)sum;
}

int main(void)
{
    pthread_t r, c;
    for (int i = 0; i < ENTRIES; i++) {
        snprintf(cache[i].key, sizeof cache[i].key, "key%d", i);
        cache[i].value = i;
    }
    pthread_create(&r, NULL, refresher, NULL);
    pthread_create(&c, NULL, client, "key2");
    void *sum;
    pthread_join(c, &sum);
    pthread_join(r, NULL);
    printf("sum %ld\n", (long)sum);
    return 0;
}
