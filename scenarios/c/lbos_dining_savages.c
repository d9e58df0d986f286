// expect: ok
//
// The Little Book of Semaphores, 5.1: the dining savages. Savages take
// servings from a pot of M under a mutex; the one who finds it empty
// wakes the cook (emptyPot) and waits for a full pot (fullPot). The cook
// fills the pot only when woken: no savage eats from an empty pot, no
// pot is filled while servings remain.
#include <assert.h>
#include <semaphore.h>
#include <pthread.h>
#include <stdio.h>

#define M 2        /* servings in a full pot */
#define SAVAGES 3  /* one serving each */
#define FILLS 2    /* ceil(SAVAGES / M), servings start at 0 */

static int servings;
static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static sem_t empty_pot, full_pot;

static void *cook(void *arg)
{
    for (int i = 0; i < FILLS; i++) {
        sem_wait(&empty_pot);
        servings = M; /* put_servings_in_pot */
        sem_post(&full_pot);
    }
    return arg;
}

static void *savage(void *arg)
{
    pthread_mutex_lock(&mutex);
    if (servings == 0) {
        sem_post(&empty_pot);
        sem_wait(&full_pot);
    }
    assert(servings > 0);
    servings--; /* get_serving_from_pot */
    pthread_mutex_unlock(&mutex);
    return arg; /* eat */
}

int main(void)
{
    pthread_t c, s[SAVAGES];
    sem_init(&empty_pot, 0, 0);
    sem_init(&full_pot, 0, 0);
    pthread_create(&c, NULL, cook, NULL);
    for (int i = 0; i < SAVAGES; i++)
        pthread_create(&s[i], NULL, savage, NULL);
    for (int i = 0; i < SAVAGES; i++)
        pthread_join(s[i], NULL);
    pthread_join(c, NULL);
    printf("%d left\n", servings);
    return 0;
}
