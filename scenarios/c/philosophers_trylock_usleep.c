// expect: outcomes "meals 6\n"
//
// Dining philosophers who take the left fork, then only try the right
// one; on EBUSY they put the left fork down and usleep a little (their
// seat number times 100 us) before trying again. No deadlock: a
// philosopher never waits for a fork while holding one.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define N 3
static pthread_mutex_t fork_mu[N];
static pthread_mutex_t count_mu = PTHREAD_MUTEX_INITIALIZER;
static int meals;

static void *phil(void *arg)
{
    int me = (int)(long)arg;
    pthread_mutex_t *left = &fork_mu[me], *right = &fork_mu[(me + 1) % N];
    for (int m = 0; m < 2; m++) {
        for (;;) {
            pthread_mutex_lock(left);
            if (pthread_mutex_trylock(right) == 0)
                break;
            pthread_mutex_unlock(left);
            usleep(100 * (me + 1));
        }
        pthread_mutex_lock(&count_mu);
        meals++;
        pthread_mutex_unlock(&count_mu);
        pthread_mutex_unlock(right);
        pthread_mutex_unlock(left);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    for (int i = 0; i < N; i++)
        pthread_mutex_init(&fork_mu[i], NULL);
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, phil, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    printf("meals %d\n", meals);
    return 0;
}
