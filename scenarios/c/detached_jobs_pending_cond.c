// expect: outcomes "written 3 bytes 6\n"
//
// Fire-and-forget writers: main starts a detached thread per job and
// counts it in `pending` under a mutex; each job does its work, then
// decrements `pending` under the same mutex and broadcasts when it
// reaches zero. main waits in a while loop until nothing is pending, so
// every job's writes are ordered before main reads the totals.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t all_done = PTHREAD_COND_INITIALIZER;
static int pending;
static int jobs_written;
static size_t bytes_written;

struct job {
    char text[16];
};

static void *run_job(void *arg)
{
    struct job *j = arg;
    size_t n = strlen(j->text);
    free(j);
    pthread_mutex_lock(&mu);
    jobs_written++;
    bytes_written += n;
    if (--pending == 0)
        pthread_cond_broadcast(&all_done);
    pthread_mutex_unlock(&mu);
    return NULL;
}

static int start_job(int i)
{
    pthread_t t;
    pthread_attr_t attr;
    struct job *j = malloc(sizeof *j);
    if (j == NULL)
        return -1;
    memset(j->text, 'x', (size_t)i);
    j->text[i] = '\0';
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_mutex_lock(&mu);
    pending++;
    pthread_mutex_unlock(&mu);
    if (pthread_create(&t, &attr, run_job, j) != 0) {
        pthread_mutex_lock(&mu);
        pending--;
        pthread_mutex_unlock(&mu);
        free(j);
        pthread_attr_destroy(&attr);
        return -1;
    }
    pthread_attr_destroy(&attr);
    return 0;
}

int main(void)
{
    for (int i = 1; i <= 3; i++)
        if (start_job(i) != 0)
            return 1;
    pthread_mutex_lock(&mu);
    while (pending > 0)
        pthread_cond_wait(&all_done, &mu);
    pthread_mutex_unlock(&mu);
    printf("written %d bytes %zu\n", jobs_written, bytes_written);
    return 0;
}
