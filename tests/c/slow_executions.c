/* A race in every execution, found at its start, then a computation of
 * N iterations (argv[1]): with --time-limit, the execution the limit
 * stops has found the race too, but is no execution, so the count of
 * executions that found it never passes the executions' count
 * (tests/e2e/cc.sh; once "found in 3 of 2 executions"). */
#include <pthread.h>
#include <stdlib.h>

static int n;
static volatile unsigned long sink;

static void *bump(void *arg)
{
    n++;
    return arg;
}

int main(int argc, char **argv)
{
    unsigned long iters = argc > 1 ? strtoul(argv[1], 0, 10) : 1000;
    pthread_t t;
    pthread_create(&t, 0, bump, 0);
    n++;
    pthread_join(t, 0);
    for (unsigned long i = 0; i < iters; i++)
        sink += i;
    return 0;
}
