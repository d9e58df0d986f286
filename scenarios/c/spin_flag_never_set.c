// expect: livelock
//
// A worker spins on a plain flag nobody ever sets while main joins it:
// natively the program hangs. The spin check takes the spinner out, and
// with main blocked in its join nothing is left that could write the
// flag: a livelock (not a failed assume, whose execution would be
// dropped as infeasible).
#include <pthread.h>
#include <stdio.h>

static int stop;

static void *worker(void *arg)
{
    while (!stop) {
    }
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    printf("done\n");
    return 0;
}
