// expect: race
//
// A semaphore of two used as a lock: both threads get in at once.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t s;
static int n;

static void *work(void *arg)
{
    sem_wait(&s);
    n++;
    sem_post(&s);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    sem_init(&s, 0, 2);
    pthread_create(&a, NULL, work, NULL);
    pthread_create(&b, NULL, work, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", n);
    return 0;
}
