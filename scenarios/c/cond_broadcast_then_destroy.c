// expect: outcomes "released 2\n"
//
// A one-shot gate: waiters wait for `open`, the opener sets it and
// broadcasts, and the last waiter to leave destroys the condition
// variable (POSIX: safe once no thread is blocked on it; a woken waiter
// reacquiring the mutex is no longer blocked on the condition).
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate = PTHREAD_COND_INITIALIZER;
static int open_, inside = 2, released;

static void *waiter(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    while (!open_)
        pthread_cond_wait(&gate, &mu);
    released++;
    if (--inside == 0)
        pthread_cond_destroy(&gate);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, waiter, NULL);
    pthread_mutex_lock(&mu);
    open_ = 1;
    pthread_cond_broadcast(&gate);
    pthread_mutex_unlock(&mu);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("released %d\n", released);
    return 0;
}
