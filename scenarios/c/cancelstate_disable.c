// expect: outcomes "done 2\n"
//
// Workers that disable cancellation around a critical section with
// pthread_setcancelstate (library code does this defensively even when
// nobody cancels): nothing is cancelled, so it is a plain locked count.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int done;

static void *worker(void *arg)
{
    (void)arg;
    int old;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
    pthread_mutex_lock(&mu);
    done++;
    pthread_mutex_unlock(&mu);
    pthread_setcancelstate(old, NULL);
    pthread_testcancel();
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("done %d\n", done);
    return 0;
}
