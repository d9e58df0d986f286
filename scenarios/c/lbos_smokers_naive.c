// expect: deadlock
//
// The Little Book of Semaphores, 4.5: the cigarette smokers problem, the
// naive solution. Each of three agents puts two of the three ingredients
// on the table (one at a time, taking turns on the agent semaphore); the
// smoker who holds the third takes the two and smokes. Here each smoker
// waits for its two ingredients one after the other: the smoker with
// matches may take the tobacco meant for the smoker with paper, and each
// then waits for an ingredient the other took: a deadlock (the book's
// point). Each agent runs once, each smoker smokes once.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t agent_sem, tobacco, paper, match;

static void *agent_a(void *arg)
{
    (void)arg;
    sem_wait(&agent_sem);
    sem_post(&tobacco);
    sem_post(&paper);
    return NULL;
}

static void *agent_b(void *arg)
{
    (void)arg;
    sem_wait(&agent_sem);
    sem_post(&paper);
    sem_post(&match);
    return NULL;
}

static void *agent_c(void *arg)
{
    (void)arg;
    sem_wait(&agent_sem);
    sem_post(&tobacco);
    sem_post(&match);
    return NULL;
}

static void *smoker_with_matches(void *arg)
{
    (void)arg;
    sem_wait(&tobacco);
    sem_wait(&paper);
    sem_post(&agent_sem);
    return NULL;
}

static void *smoker_with_tobacco(void *arg)
{
    (void)arg;
    sem_wait(&paper);
    sem_wait(&match);
    sem_post(&agent_sem);
    return NULL;
}

static void *smoker_with_paper(void *arg)
{
    (void)arg;
    sem_wait(&tobacco);
    sem_wait(&match);
    sem_post(&agent_sem);
    return NULL;
}

int main(void)
{
    void *(*const fn[])(void *) = {agent_a, agent_b, agent_c,
                                   smoker_with_matches, smoker_with_tobacco,
                                   smoker_with_paper};
    pthread_t t[6];
    sem_init(&agent_sem, 0, 1);
    sem_init(&tobacco, 0, 0);
    sem_init(&paper, 0, 0);
    sem_init(&match, 0, 0);
    for (int i = 0; i < 6; i++)
        pthread_create(&t[i], NULL, fn[i], NULL);
    for (int i = 0; i < 6; i++)
        pthread_join(t[i], NULL);
    printf("all smoked\n");
    return 0;
}
