// expect: outcomes "count 4\n"
//
// A named POSIX semaphore (sem_open, initial value 1) used as a lock
// between two threads of one process.
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <unistd.h>

static sem_t *lock;
static int count;

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2; i++) {
        sem_wait(lock);
        count++;
        sem_post(lock);
    }
    return NULL;
}

int main(void)
{
    char name[64];
    pthread_t a, b;
    snprintf(name, sizeof name, "/weft-outc-%d", (int)getpid());
    lock = sem_open(name, O_CREAT | O_EXCL, 0600, 1);
    if (lock == SEM_FAILED)
        return 1;
    sem_unlink(name);
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("count %d\n", count);
    sem_close(lock);
    return 0;
}
