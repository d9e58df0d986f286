// expect: outcomes "waited 3 naps, result 9\n"
//
// A waiter naps with select(0, NULL, NULL, NULL, &tv) (250 ms) between
// checks of a result slot guarded by a mutex; the producer delivers
// after sleeping 600 ms.
#include <pthread.h>
#include <stdio.h>
#include <sys/select.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int result;

static void *producer(void *arg)
{
    (void)arg;
    usleep(600000);
    pthread_mutex_lock(&mu);
    result = 9;
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    int naps = 0, r;
    pthread_create(&t, NULL, producer, NULL);
    for (;;) {
        pthread_mutex_lock(&mu);
        r = result;
        pthread_mutex_unlock(&mu);
        if (r)
            break;
        struct timeval tv = {0, 250000};
        select(0, NULL, NULL, NULL, &tv);
        naps++;
    }
    pthread_join(t, NULL);
    printf("waited %d naps, result %d\n", naps, r);
    return 0;
}
