// expect: ok
//
// The Little Book of Semaphores, 4.4.5: Tanenbaum's dining philosophers.
// A philosopher eats only when neither neighbour is eating (test, under
// one mutex); a hungry philosopher waits on its own semaphore, posted by
// itself or by a neighbour that puts its forks down. The book's mutex is
// a semaphore of value 1 here, as the book writes it. No deadlock, and
// neighbours never eat at once.
#include <assert.h>
#include <semaphore.h>
#include <pthread.h>
#include <stdio.h>

#define N 3
enum { THINKING, HUNGRY, EATING };

static int state[N];
static sem_t mutex;
static sem_t sem[N];

static int left(int i) { return (i + N - 1) % N; }
static int right(int i) { return (i + 1) % N; }

static void test(int i)
{
    if (state[i] == HUNGRY && state[left(i)] != EATING &&
        state[right(i)] != EATING) {
        state[i] = EATING;
        sem_post(&sem[i]);
    }
}

static void get_forks(int i)
{
    sem_wait(&mutex);
    state[i] = HUNGRY;
    test(i);
    sem_post(&mutex);
    sem_wait(&sem[i]);
}

static void put_forks(int i)
{
    sem_wait(&mutex);
    state[i] = THINKING;
    test(right(i));
    test(left(i));
    sem_post(&mutex);
}

static void *philosopher(void *arg)
{
    int i = (int)(long)arg;
    get_forks(i);
    sem_wait(&mutex);
    assert(state[left(i)] != EATING && state[right(i)] != EATING);
    sem_post(&mutex);
    put_forks(i);
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    sem_init(&mutex, 0, 1);
    for (int i = 0; i < N; i++)
        sem_init(&sem[i], 0, 0);
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, philosopher, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    printf("all ate\n");
    return 0;
}
