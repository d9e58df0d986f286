// expect: outcomes "served 3, turned away 0\n" "served 2, turned away 1\n" "served 1, turned away 2\n"
//
// The sleeping barber with semaphores (Dijkstra; The Little Book of
// Semaphores 5.2): one waiting chair. A customer takes the mutex, leaves
// if the chair is taken, else sits, signals `customer` and waits for
// `barber`. The barber sleeps on `customer`, frees the chair and cuts.
// Main tells the barber to close with a sentinel after every customer
// has been served or turned away.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define CHAIRS 1
static sem_t customer, barber, mutex, done;
static int waiting, served, turned_away, closing;

static void *barber_fn(void *arg)
{
    (void)arg;
    for (;;) {
        sem_wait(&customer);
        sem_wait(&mutex);
        if (closing && waiting == 0) {
            sem_post(&mutex);
            return NULL;
        }
        waiting--;
        sem_post(&barber);
        sem_post(&mutex);
        served++;           /* cut hair: only the barber writes served */
        sem_post(&done);
    }
}

static void *customer_fn(void *arg)
{
    (void)arg;
    sem_wait(&mutex);
    if (waiting < CHAIRS) {
        waiting++;
        sem_post(&customer);
        sem_post(&mutex);
        sem_wait(&barber);
        sem_wait(&done);
    } else {
        turned_away++;
        sem_post(&mutex);
    }
    return NULL;
}

int main(void)
{
    sem_init(&customer, 0, 0);
    sem_init(&barber, 0, 0);
    sem_init(&mutex, 0, 1);
    sem_init(&done, 0, 0);
    pthread_t b, c[3];
    pthread_create(&b, NULL, barber_fn, NULL);
    for (int i = 0; i < 3; i++)
        pthread_create(&c[i], NULL, customer_fn, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(c[i], NULL);
    sem_wait(&mutex);
    closing = 1;
    sem_post(&customer);
    sem_post(&mutex);
    pthread_join(b, NULL);
    printf("served %d, turned away %d\n", served, turned_away);
    return 0;
}
