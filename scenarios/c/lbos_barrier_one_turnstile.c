// expect: assert
//
// The Little Book of Semaphores, 3.7.3 (reusable barrier non-solution
// #2): one turnstile, opened by the last thread in and closed by the last
// thread out. A fast thread that leaves the critical point and loops
// around before the others have left finds the turnstile still open (and
// signals it again) and passes round 1 alone. (The book's mutex
// semaphore is a pthread mutex here.)
#include <assert.h>
#include <semaphore.h>
#include <pthread.h>
#include <stdio.h>

#define N 2
#define ROUNDS 2

static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static sem_t turnstile;
static int count;
static int arrived[ROUNDS]; /* under mutex */

static void *worker(void *arg)
{
    for (int r = 0; r < ROUNDS; r++) {
        pthread_mutex_lock(&mutex);
        arrived[r]++;
        count++;
        if (count == N)
            sem_post(&turnstile);
        pthread_mutex_unlock(&mutex);
        sem_wait(&turnstile);
        sem_post(&turnstile);

        /* critical point: everyone should have arrived at round r */
        pthread_mutex_lock(&mutex);
        assert(arrived[r] == N);
        count--;
        if (count == 0)
            sem_wait(&turnstile);
        pthread_mutex_unlock(&mutex);
    }
    return arg;
}

int main(void)
{
    pthread_t t[N];
    sem_init(&turnstile, 0, 0);
    for (int i = 0; i < N; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    printf("done\n");
    return 0;
}
