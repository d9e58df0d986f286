// expect: outcomes "total 6 in 4 buckets\n"
//
// A hash table with lock striping: bucket b is guarded by lock b % 2,
// two inserting threads touch the buckets of both stripes, and the total
// is read after the joins.
#include <pthread.h>
#include <stdio.h>

#define BUCKETS 4

static pthread_mutex_t stripe[2] = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER};
static int count[BUCKETS];

static void insert(unsigned key)
{
    unsigned b = key % BUCKETS;
    pthread_mutex_lock(&stripe[b % 2]);
    count[b]++;
    pthread_mutex_unlock(&stripe[b % 2]);
}

static void *inserter(void *arg)
{
    unsigned base = (unsigned)(long)arg;
    for (unsigned k = 0; k < 3; k++)
        insert(base + k);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, inserter, (void *)0L);
    pthread_create(&b, NULL, inserter, (void *)1L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    int total = 0, used = 0;
    for (int i = 0; i < BUCKETS; i++) {
        total += count[i];
        used += count[i] > 0;
    }
    printf("total %d in %d buckets\n", total, used);
    return 0;
}
