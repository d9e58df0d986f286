// expect: panic
//
// A "baton" protocol on a default mutex: the dispatcher locks it to
// mark a job as in flight and the worker unlocks it when the job is
// done, so the dispatcher's next lock waits for the job. Unlocking a
// default mutex from a thread that does not own it is undefined
// behaviour (POSIX; glibc happens to allow it): the baton should be a
// semaphore.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t in_flight = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t job_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t job_cv = PTHREAD_COND_INITIALIZER;
static int job, have_job, done_jobs;

static void *worker(void *arg)
{
    (void)arg;
    for (int n = 0; n < 2; n++) {
        pthread_mutex_lock(&job_mu);
        while (!have_job)
            pthread_cond_wait(&job_cv, &job_mu);
        have_job = 0;
        done_jobs += job;
        pthread_mutex_unlock(&job_mu);
        pthread_mutex_unlock(&in_flight); /* the dispatcher locked it */
    }
    return NULL;
}

int main(void)
{
    pthread_t w;
    pthread_create(&w, NULL, worker, NULL);
    for (int n = 1; n <= 2; n++) {
        pthread_mutex_lock(&in_flight);
        pthread_mutex_lock(&job_mu);
        job = n;
        have_job = 1;
        pthread_cond_signal(&job_cv);
        pthread_mutex_unlock(&job_mu);
    }
    pthread_mutex_lock(&in_flight);
    pthread_join(w, NULL);
    printf("done %d\n", done_jobs);
    return 0;
}
