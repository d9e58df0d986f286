// expect: outcomes "2\n"
//
// A semaphore of one used as a lock: the increments are ordered.
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
    sem_init(&s, 0, 1);
    pthread_create(&a, NULL, work, NULL);
    pthread_create(&b, NULL, work, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", n);
    return 0;
}
