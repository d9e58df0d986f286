// expect: race
//
// main "waits" for the thread's result with usleep and reads it before
// pthread_join: a sleep orders nothing, a data race on answer.
// (issue 15: a program written outside the suite.)
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int answer;

static void *compute(void *arg)
{
    (void)arg;
    answer = 6 * 7;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, compute, NULL);
    usleep(1000); /* BUG: a sleep is not a join */
    printf("%d\n", answer);
    pthread_join(t, NULL);
    return 0;
}
