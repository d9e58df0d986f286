// expect: ok
//
// The Little Book of Semaphores, 3.3: rendezvous. Each thread signals its
// own arrival, then waits for the other's: a1 happens before b2 and b1
// before a2, whatever the order, and neither can wait for ever.
#include <assert.h>
#include <semaphore.h>
#include <pthread.h>
#include <stdio.h>

static sem_t a_arrived, b_arrived;
static int a1, b1;

static void *thread_a(void *arg)
{
    a1 = 1; /* statement a1 */
    sem_post(&a_arrived);
    sem_wait(&b_arrived);
    assert(b1); /* statement a2 runs after b1 */
    return arg;
}

static void *thread_b(void *arg)
{
    b1 = 1; /* statement b1 */
    sem_post(&b_arrived);
    sem_wait(&a_arrived);
    assert(a1); /* statement b2 runs after a1 */
    return arg;
}

int main(void)
{
    pthread_t a, b;
    sem_init(&a_arrived, 0, 0);
    sem_init(&b_arrived, 0, 0);
    pthread_create(&a, NULL, thread_a, NULL);
    pthread_create(&b, NULL, thread_b, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("met\n");
    return 0;
}
