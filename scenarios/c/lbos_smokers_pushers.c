// expect: ok
//
// The Little Book of Semaphores, 4.5.3: the cigarette smokers problem
// solved with pushers. Each of three agents puts two of the three
// ingredients on the table, taking turns on the agent semaphore; a pusher
// per ingredient takes it and, under a mutex (a semaphore, as the book
// writes it), either records it or, finding a matching one recorded,
// wakes the one smoker who holds the third. Each agent runs once, each
// pusher twice (each ingredient comes twice), each smoker smokes once:
// no deadlock, and the right smoker always smokes.
#include <assert.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

enum { TOBACCO, PAPER, MATCH };

static sem_t agent_sem, mutex, ingredient[3], smoker_sem[3];
static int on_table[3];
static int smoked[3];

static void *agent(void *arg)
{
    int missing = (int)(long)arg; /* the smoker this agent serves */
    sem_wait(&agent_sem);
    for (int k = 0; k < 3; k++)
        if (k != missing)
            sem_post(&ingredient[k]);
    return NULL;
}

static void *pusher(void *arg)
{
    int mine = (int)(long)arg;
    for (int round = 0; round < 2; round++) {
        int other = -1;
        sem_wait(&ingredient[mine]);
        sem_wait(&mutex);
        for (int k = 0; k < 3; k++)
            if (k != mine && on_table[k])
                other = k;
        if (other >= 0) {
            on_table[other] = 0;
            sem_post(&smoker_sem[3 - mine - other]);
        } else {
            on_table[mine] = 1;
        }
        sem_post(&mutex);
    }
    return NULL;
}

static void *smoker(void *arg)
{
    int holds = (int)(long)arg;
    sem_wait(&smoker_sem[holds]);
    smoked[holds]++;
    sem_post(&agent_sem);
    return NULL;
}

int main(void)
{
    pthread_t t[9];
    sem_init(&agent_sem, 0, 1);
    sem_init(&mutex, 0, 1);
    for (int k = 0; k < 3; k++) {
        sem_init(&ingredient[k], 0, 0);
        sem_init(&smoker_sem[k], 0, 0);
    }
    for (long k = 0; k < 3; k++) {
        pthread_create(&t[k], NULL, agent, (void *)k);
        pthread_create(&t[3 + k], NULL, pusher, (void *)k);
        pthread_create(&t[6 + k], NULL, smoker, (void *)k);
    }
    for (int i = 0; i < 9; i++)
        pthread_join(t[i], NULL);
    for (int k = 0; k < 3; k++)
        assert(smoked[k] == 1);
    printf("all smoked\n");
    return 0;
}
