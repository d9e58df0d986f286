// expect: livelock
//
// An atomic_flag spinlock whose holder returns early on an error path
// without clearing the flag: the other thread spins on it forever.
#include <stdatomic.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static atomic_flag lk = ATOMIC_FLAG_INIT;
static int slots[2];

static int store(int i, int v)
{
    while (atomic_flag_test_and_set(&lk))
        sched_yield();
    if (v < 0)
        return -1; /* BUG: lock still held */
    slots[i] = v;
    atomic_flag_clear(&lk);
    return 0;
}

static void *writer(void *arg)
{
    int i = (int)(long)arg;
    store(i, i == 0 ? -1 : 5);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, writer, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%d %d\n", slots[0], slots[1]);
    return 0;
}
