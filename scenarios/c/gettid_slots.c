// expect: outcomes "distinct thread ids: yes\n"
//
// Each worker records its kernel thread id (gettid) in its slot; main
// checks they differ from each other and from its own, as every thread
// has its own.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

static pid_t ids[3];

static void *worker(void *arg)
{
    int slot = (int)(long)arg;
    ids[slot] = gettid();
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    ids[0] = gettid();
    for (long i = 1; i < 3; i++)
        pthread_create(&t[i - 1], NULL, worker, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    int distinct = ids[0] != ids[1] && ids[0] != ids[2] && ids[1] != ids[2];
    printf("distinct thread ids: %s\n", distinct ? "yes" : "no");
    return 0;
}
