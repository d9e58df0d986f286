// expect: race
//
// The classic: each thread is handed &i, the loop counter, instead of
// its own copy; the thread reads *arg while main's loop increments i.
#include <pthread.h>
#include <stdio.h>

static int seen[3];

static void *worker(void *arg)
{
    int id = *(int *)arg;
    if (id >= 0 && id < 3)
        __atomic_fetch_add(&seen[id], 1, __ATOMIC_RELAXED);
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker, &i);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("%d %d %d\n", seen[0], seen[1], seen[2]);
    return 0;
}
