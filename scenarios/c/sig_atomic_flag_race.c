// expect: race
//
// A stop flag declared `volatile sig_atomic_t` (the type for signal
// handlers) and set by another thread: sig_atomic_t is atomic with
// respect to signals in one thread, not between threads, so the store
// and the polling load race.
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void *poller(void *arg)
{
    (void)arg;
    long polls = 0;
    while (!stop) {
        polls++;
        usleep(1000);
    }
    return (void *)polls;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, poller, NULL);
    usleep(3500);
    stop = 1;
    pthread_join(t, NULL);
    printf("stopped\n");
    return 0;
}
