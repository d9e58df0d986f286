// expect: ok
//
// The Little Book of Semaphores, 4.2.2: readers-writers with a
// lightswitch. The first reader in locks roomEmpty for all readers, the
// last one out unlocks it; a writer takes roomEmpty alone. Readers share
// the room, a writer has it to itself: no race on the data. (Writers can
// starve while readers keep coming: 4.2.3.)
#include <assert.h>
#include <semaphore.h>
#include <pthread.h>
#include <stdio.h>

typedef struct {
    int counter;
    pthread_mutex_t mutex;
} lightswitch;

static void lock(lightswitch *ls, sem_t *s)
{
    pthread_mutex_lock(&ls->mutex);
    if (++ls->counter == 1)
        sem_wait(s); /* the first in locks */
    pthread_mutex_unlock(&ls->mutex);
}

static void unlock(lightswitch *ls, sem_t *s)
{
    pthread_mutex_lock(&ls->mutex);
    if (--ls->counter == 0)
        sem_post(s); /* the last out unlocks */
    pthread_mutex_unlock(&ls->mutex);
}

static lightswitch read_switch = {0, PTHREAD_MUTEX_INITIALIZER};
static sem_t room_empty;
static int data, seen[2];

static void *reader(void *arg)
{
    int i = (int)(long)arg;
    lock(&read_switch, &room_empty);
    seen[i] = data; /* readers read together */
    unlock(&read_switch, &room_empty);
    return NULL;
}

static void *writer(void *arg)
{
    sem_wait(&room_empty);
    data = 1; /* alone in the room */
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
