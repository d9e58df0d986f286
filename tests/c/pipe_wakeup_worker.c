// A worker woken through a pipe (the self-pipe pattern): main queues a
// job under a mutex and writes a byte; the worker blocks in read() and
// drains the queue on each byte, until a zero byte. Natively it prints
// "got 3 jobs, sum 6". weft does not model descriptors and runs every
// thread on one process thread, so the worker's read of the empty pipe
// hung the check (no output, forever). tests/e2e/cc.sh checks that the
// blocking read is refused at its line with exit status 2.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int queue[8], qlen, got, sum;
static int fds[2];

static void *worker(void *arg)
{
    (void)arg;
    for (;;) {
        char c;
        if (read(fds[0], &c, 1) != 1 || c == 0)
            return NULL;
        pthread_mutex_lock(&mu);
        while (qlen > 0) {
            sum += queue[--qlen];
            got++;
        }
        pthread_mutex_unlock(&mu);
    }
}

int main(void)
{
    if (pipe(fds) != 0)
        return 1;
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    for (int i = 1; i <= 3; i++) {
        pthread_mutex_lock(&mu);
        queue[qlen++] = i;
        pthread_mutex_unlock(&mu);
        char c = 1;
        if (write(fds[1], &c, 1) != 1)
            return 1;
    }
    char z = 0;
    if (write(fds[1], &z, 1) != 1)
        return 1;
    pthread_join(t, NULL);
    printf("got %d jobs, sum %d\n", got, sum);
    return 0;
}
