// expect: deadlock
//
// Each loader posts `loaded` when it is done so main can wait for all of
// them, but the error path for a bad input returns early without posting:
// main waits on the semaphore forever.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t loaded;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int table[3];

static void *loader(void *arg)
{
    int i = (int)(long)arg;
    if (i == 2)
        return NULL; /* BUG: "bad input", no sem_post */
    pthread_mutex_lock(&mu);
    table[i] = i * 10;
    pthread_mutex_unlock(&mu);
    sem_post(&loaded);
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    sem_init(&loaded, 0, 0);
    for (long i = 0; i < 3; i++) {
        pthread_create(&t[i], NULL, loader, (void *)i);
        pthread_detach(t[i]);
    }
    for (int i = 0; i < 3; i++)
        sem_wait(&loaded);
    printf("%d %d %d\n", table[0], table[1], table[2]);
    return 0;
}
