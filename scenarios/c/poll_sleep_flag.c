// expect: outcomes "stopped after 3 polls\n"
//
// A worker that naps with poll(NULL, 0, 10) between checks of an atomic
// stop flag, a common portable millisecond sleep; main sets the flag
// once the worker has polled three times.
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int stop, polls;

static void *worker(void *arg)
{
    (void)arg;
    while (!atomic_load(&stop)) {
        poll(NULL, 0, 10);
        if (atomic_load(&polls) < 3)
            atomic_fetch_add(&polls, 1);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    while (atomic_load(&polls) < 3)
        sched_yield();
    atomic_store(&stop, 1);
    pthread_join(t, NULL);
    printf("stopped after %d polls\n", atomic_load(&polls));
    return 0;
}
