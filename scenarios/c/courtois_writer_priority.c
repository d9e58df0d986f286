// expect: outcomes "shared 2, reads 2 consistent\n"
//
// Courtois, Heymans and Parnas (1971), problem 2: readers and writers
// with semaphores, writers first. Writers count themselves under mutex2
// and the first one takes `r` to shut new readers out; readers pass
// through mutex3 and `r` one at a time, count themselves under mutex1
// and the first one takes `w`. A writer writes under `w`; readers only
// read. The shared pair is never torn and never raced.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t mutex1, mutex2, mutex3, r, w;
static int readcount, writecount;
static int a, b, consistent_reads;

static void *reader(void *arg)
{
    (void)arg;
    sem_wait(&mutex3);
    sem_wait(&r);
    sem_wait(&mutex1);
    if (++readcount == 1)
        sem_wait(&w);
    sem_post(&mutex1);
    sem_post(&r);
    sem_post(&mutex3);

    int ok = (a == b);

    sem_wait(&mutex1);
    consistent_reads += ok;
    if (--readcount == 0)
        sem_post(&w);
    sem_post(&mutex1);
    return NULL;
}

static void *writer(void *arg)
{
    (void)arg;
    sem_wait(&mutex2);
    if (++writecount == 1)
        sem_wait(&r);
    sem_post(&mutex2);

    sem_wait(&w);
    a++;
    b++;
    sem_post(&w);

    sem_wait(&mutex2);
    if (--writecount == 0)
        sem_post(&r);
    sem_post(&mutex2);
    return NULL;
}

int main(void)
{
    sem_init(&mutex1, 0, 1);
    sem_init(&mutex2, 0, 1);
    sem_init(&mutex3, 0, 1);
    sem_init(&r, 0, 1);
    sem_init(&w, 0, 1);
    pthread_t t[4];
    pthread_create(&t[0], NULL, reader, NULL);
    pthread_create(&t[1], NULL, writer, NULL);
    pthread_create(&t[2], NULL, reader, NULL);
    pthread_create(&t[3], NULL, writer, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("shared %d, reads %d consistent\n", a, consistent_reads);
    return 0;
}
