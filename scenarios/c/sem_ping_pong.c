// expect: outcomes "ping pong ping pong ping pong \n"
//
// Two threads take turns through two semaphores, each posting the other's
// after printing: the output is always in strict alternation.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t ping_turn, pong_turn;

static void *ping(void *arg)
{
    (void)arg;
    for (int i = 0; i < 3; i++) {
        sem_wait(&ping_turn);
        printf("ping ");
        sem_post(&pong_turn);
    }
    return NULL;
}

static void *pong(void *arg)
{
    (void)arg;
    for (int i = 0; i < 3; i++) {
        sem_wait(&pong_turn);
        printf("pong ");
        sem_post(&ping_turn);
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    sem_init(&ping_turn, 0, 1);
    sem_init(&pong_turn, 0, 0);
    pthread_create(&a, NULL, ping, NULL);
    pthread_create(&b, NULL, pong, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("\n");
    return 0;
}
