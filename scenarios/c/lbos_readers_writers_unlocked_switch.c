// expect: race deadlock
//
// Readers-writers with a lightswitch whose counter is not under the
// switch's mutex: two readers can both see themselves as the first in
// (or the last out) and the counter itself is raced on: a lost update
// leaves the room locked for good, and the writer or a reader waits for
// ever (a deadlock). The book's
// lightswitch keeps the counter and the sem_wait/sem_post under a mutex.
#include <semaphore.h>
#include <pthread.h>
#include <stdio.h>

static int counter;
static sem_t room_empty;
static int data, seen[2];

static void *reader(void *arg)
{
    int i = (int)(long)arg;
    if (++counter == 1) /* the bug: no mutex */
        sem_wait(&room_empty);
    seen[i] = data;
    if (--counter == 0)
        sem_post(&room_empty);
    return NULL;
}

static void *writer(void *arg)
{
    sem_wait(&room_empty);
    data = 1;
    sem_post(&room_empty);
    return arg;
}

int main(void)
{
    pthread_t r1, r2, w;
    sem_init(&room_empty, 0, 1);
    pthread_create(&r1, NULL, reader, (void *)0L);
    pthread_create(&w, NULL, writer, NULL);
    pthread_create(&r2, NULL, reader, (void *)1L);
    pthread_join(r1, NULL);
    pthread_join(w, NULL);
    pthread_join(r2, NULL);
    printf("%d %d\n", seen[0], seen[1]);
    return 0;
}
