// expect: race
//
// A ticket lock whose unlock serves the next ticket with a relaxed store:
// nothing the holder wrote is published to the next holder, so the
// counter it protects is raced on (it "works" on x86).
#include <pthread.h>
#include <stdio.h>

static unsigned next_ticket, now_serving;
static int counter;

static void lock(void)
{
    unsigned me = __atomic_fetch_add(&next_ticket, 1, __ATOMIC_RELAXED);
    while (__atomic_load_n(&now_serving, __ATOMIC_ACQUIRE) != me)
        ;
}

static void unlock(void)
{
    unsigned n = __atomic_load_n(&now_serving, __ATOMIC_RELAXED);
    __atomic_store_n(&now_serving, n + 1, __ATOMIC_RELAXED);
}

static void *work(void *arg)
{
    (void)arg;
    lock();
    counter++;
    unlock();
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, work, NULL);
    pthread_create(&b, NULL, work, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", counter);
    return 0;
}
