// expect: outcomes "8\n"
//
// A histogram with one pthread_spinlock_t per bucket; two threads add
// values, each bucket's count under its own spinlock.
#include <pthread.h>
#include <stdio.h>

#define BUCKETS 2

static pthread_spinlock_t lock[BUCKETS];
static int hist[BUCKETS];

static void *fill(void *arg)
{
    int off = (int)(long)arg;
    for (int i = 0; i < 4; i++) {
        int b = (i + off) % BUCKETS;
        pthread_spin_lock(&lock[b]);
        hist[b]++;
        pthread_spin_unlock(&lock[b]);
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    for (int i = 0; i < BUCKETS; i++)
        pthread_spin_init(&lock[i], PTHREAD_PROCESS_PRIVATE);
    pthread_create(&a, NULL, fill, (void *)0L);
    pthread_create(&b, NULL, fill, (void *)1L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", hist[0] + hist[1]);
    for (int i = 0; i < BUCKETS; i++)
        pthread_spin_destroy(&lock[i]);
    return 0;
}
