// expect: outcomes "worker 1 wrote 10\nworker 2 wrote 20\n" "worker 2 wrote 20\nworker 1 wrote 10\n"
//
// main starts two workers and ends with pthread_exit(NULL) instead of
// returning: the process goes on until the last thread ends, so the
// workers' output is part of the program's output. The workers print
// under a mutex.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    pthread_mutex_lock(&mu);
    printf("worker %d wrote %d\n", id, id * 10);
    fflush(stdout);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    for (long i = 1; i <= 2; i++) {
        pthread_create(&t, NULL, worker, (void *)i);
        pthread_detach(t);
    }
    pthread_exit(NULL);
}
