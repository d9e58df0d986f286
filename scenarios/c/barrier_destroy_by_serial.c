// expect: outcomes "phase done\n"
//
// The thread that gets PTHREAD_BARRIER_SERIAL_THREAD destroys the
// barrier right after the (last) wait. POSIX: destroying a barrier while
// threads are blocked on it is undefined, but once the last party
// arrives none is blocked; glibc documents this case as safe (its
// destroy waits for the others to leave). (TSan reports a race between
// the destroy and the other thread's wait: its model of the barrier, not
// glibc's; helgrind reports nothing.)
#include <pthread.h>
#include <stdio.h>

static pthread_barrier_t bar;
static int work[2];

static void *party(void *arg)
{
    int i = (int)(long)arg;
    work[i] = i + 1;
    if (pthread_barrier_wait(&bar) == PTHREAD_BARRIER_SERIAL_THREAD)
        pthread_barrier_destroy(&bar);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    pthread_barrier_init(&bar, NULL, 2);
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, party, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("phase done\n");
    return 0;
}
