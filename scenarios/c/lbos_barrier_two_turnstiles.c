// expect: ok
//
// The Little Book of Semaphores, 3.7.7: the reusable barrier with two
// turnstiles. The last thread to arrive locks the second turnstile and
// opens the first; the last to leave locks the first and opens the
// second, so no thread laps the others. Two threads pass it twice: in
// each round, a thread through the first turnstile sees every thread
// arrived at that round, and none has arrived at the next.
#include <assert.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define N 2
#define ROUNDS 2

static sem_t mutex, turnstile, turnstile2;
static int count;
static int arrived[ROUNDS];

static void *worker(void *arg)
{
    (void)arg;
    for (int r = 0; r < ROUNDS; r++) {
        sem_wait(&mutex);
        arrived[r]++;
        count++;
        if (count == N) {
            sem_wait(&turnstile2);
            sem_post(&turnstile);
        }
        sem_post(&mutex);
        sem_wait(&turnstile);
        sem_post(&turnstile);

        sem_wait(&mutex);
        assert(arrived[r] == N);
        if (r + 1 < ROUNDS)
            assert(arrived[r + 1] == 0);
        count--;
        if (count == 0) {
            sem_wait(&turnstile);
            sem_post(&turnstile2);
        }
        sem_post(&mutex);
        sem_wait(&turnstile2);
        sem_post(&turnstile2);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    sem_init(&mutex, 0, 1);
    sem_init(&turnstile, 0, 0);
    sem_init(&turnstile2, 0, 1);
    for (int i = 0; i < N; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    printf("passed\n");
    return 0;
}
