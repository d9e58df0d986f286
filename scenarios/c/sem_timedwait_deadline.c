// expect: outcomes "first: ok, second: ETIMEDOUT\n"
//
// sem_timedwait with an absolute CLOCK_REALTIME deadline: the first wait
// gets the worker's post within its 2 s, the second times out because
// the worker posts only once.
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static sem_t done;

static void *worker(void *arg)
{
    (void)arg;
    sleep(1);
    sem_post(&done);
    return NULL;
}

static int wait2s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 2;
    while (sem_timedwait(&done, &ts) == -1)
        if (errno != EINTR)
            return errno;
    return 0;
}

int main(void)
{
    pthread_t t;
    sem_init(&done, 0, 0);
    pthread_create(&t, NULL, worker, NULL);
    int a = wait2s();
    int b = wait2s();
    printf("first: %s, second: %s\n", a ? "ETIMEDOUT" : "ok",
           b == ETIMEDOUT ? "ETIMEDOUT" : "ok");
    pthread_join(t, NULL);
    return 0;
}
