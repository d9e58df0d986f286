// expect: race
//
// Lookups take the read lock, as they should, but also bump a hit
// counter: two readers hold the read lock at once, so the increment is a
// data race.
#include <pthread.h>
#include <stdio.h>

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static int table[8] = {1, 2, 3, 4, 5, 6, 7, 8};
static long hits;

static int get(int i)
{
    int v;
    pthread_rwlock_rdlock(&lock);
    v = table[i];
    hits++;
    pthread_rwlock_unlock(&lock);
    return v;
}

static void *reader(void *arg)
{
    int sum = 0;
    for (int i = 0; i < 2; i++)
        sum += get((int)(long)arg + i);
    return (void *)(long)sum;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, reader, (void *)0L);
    pthread_create(&b, NULL, reader, (void *)4L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("hits %ld\n", hits);
    return 0;
}
