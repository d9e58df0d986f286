// expect: assert
//
// Two workers take jobs from a counter; a worker waits on the condition
// with `if`, not `while`. The producer adds a job and signals; before the
// woken worker gets the mutex back, the other worker (which never waited)
// takes that job, and the woken one takes a job that is not there.
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t more = PTHREAD_COND_INITIALIZER;
static int jobs;
static int done_jobs;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    if (jobs == 0)
        pthread_cond_wait(&more, &mu);
    assert(jobs > 0);
    jobs--;
    done_jobs++;
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t w[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&w[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++) {
        pthread_mutex_lock(&mu);
        jobs++;
        pthread_cond_signal(&more);
        pthread_mutex_unlock(&mu);
    }
    for (int i = 0; i < 2; i++)
        pthread_join(w[i], NULL);
    printf("done %d\n", done_jobs);
    return 0;
}
