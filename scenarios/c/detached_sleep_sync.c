// expect: race
//
// main starts a detached thread to fill in a value and "waits" for it by
// sleeping a second: a sleep orders nothing, so the read is a data race
// (and on a loaded machine it reads 0).
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int answer;

static void *compute(void *arg)
{
    (void)arg;
    answer = 42;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, compute, NULL);
    pthread_detach(t);
    sleep(1);
    printf("%d\n", answer);
    return 0;
}
