// expect: outcomes "workers 4 timeout 30\n"
//
// Configuration strings parsed by worker threads with atoi and strtol
// after main filled them and before it started the threads: the creation
// orders main's writes before the workers' reads, so parsing shared
// strings is fine here.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char workers_text[8], timeout_text[8];
static int workers, timeout_s;

static void *parse_workers(void *arg)
{
    (void)arg;
    workers = atoi(workers_text);
    return NULL;
}

static void *parse_timeout(void *arg)
{
    (void)arg;
    timeout_s = (int)strtol(timeout_text, NULL, 10);
    return NULL;
}

int main(void)
{
    strcpy(workers_text, "4");
    strcpy(timeout_text, "30");
    pthread_t a, b;
    pthread_create(&a, NULL, parse_workers, NULL);
    pthread_create(&b, NULL, parse_timeout, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("workers %d timeout %d\n", workers, timeout_s);
    return 0;
}
