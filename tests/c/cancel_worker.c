// A worker sleeping in a loop is cancelled by main (sleep is a
// cancellation point); join then yields PTHREAD_CANCELED. weft does not
// model cancellation: tests/e2e/cc.sh checks that it says so, naming the
// call's line, with exit status 2 (no finding: the program is not wrong).
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *worker(void *arg)
{
    (void)arg;
    for (;;)
        sleep(1);
    return NULL;
}

int main(void)
{
    pthread_t t;
    void *r;
    pthread_create(&t, NULL, worker, NULL);
    pthread_cancel(t);
    pthread_join(t, &r);
    puts(r == PTHREAD_CANCELED ? "cancelled" : "not cancelled");
    return 0;
}
