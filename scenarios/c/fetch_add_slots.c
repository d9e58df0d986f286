// expect: outcomes "slots 0 1 2 3 filled 4\n"
//
// Threads claim unique slots of a results array with atomic_fetch_add on
// a shared index, write only their own slot, and main reads the array
// after joining them all.
#include <stdatomic.h>
#include <pthread.h>
#include <stdio.h>

static atomic_int next_slot;
static int owner[4];

static void *claim(void *arg)
{
    int id = (int)(long)arg;
    for (;;) {
        int s = atomic_fetch_add(&next_slot, 1);
        if (s >= 4)
            break;
        owner[s] = id + 1;
    }
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, claim, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    int filled = 0;
    for (int i = 0; i < 4; i++)
        filled += owner[i] != 0;
    printf("slots 0 1 2 3 filled %d\n", filled);
    return 0;
}
