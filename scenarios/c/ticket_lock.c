// expect: outcomes "6\n"
//
// A ticket lock built on GCC's __atomic builtins: take a ticket with a
// fetch-add, spin until it is served (acquire), serve the next with a
// release store. Three threads each add twice to a plain counter.
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
    __atomic_store_n(&now_serving, n + 1, __ATOMIC_RELEASE);
}

static void *work(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2; i++) {
        lock();
        counter++;
        unlock();
    }
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, work, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", counter);
    return 0;
}
