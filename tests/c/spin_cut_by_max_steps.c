/* A thread spins on a flag that main sets after 200 atomic increments.
 * With --max-steps 100 every execution is cut while the spinner waits
 * for the write (the await check parked it): a cut execution proves no
 * spin endless, yet it was reported as a livelock ("spins forever ...
 * what it reads never changes again") whose schedule did not replay.
 * The same happened in full searches when the reduction or a sampled
 * run gave an execution up (Lamport's bakery, Vyukov's MPMC queue).
 * tests/e2e/cc.sh checks that the cut searches find nothing. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int flag, work;

static void *waiter(void *arg)
{
    (void)arg;
    while (!atomic_load(&flag))
        ;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, waiter, NULL);
    for (int i = 0; i < 200; i++)
        atomic_fetch_add(&work, 1);
    atomic_store(&flag, 1);
    pthread_join(t, NULL);
    puts("done");
    return 0;
}
