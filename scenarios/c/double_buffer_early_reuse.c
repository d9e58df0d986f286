// expect: race
//
// Double buffering where the renderer swaps as soon as the previous
// frame was *taken* (the presenter copied the pointer) rather than when
// it was *done*: the presenter still reads the old front buffer outside
// the lock when the renderer, which now has it as its back buffer,
// starts drawing the next frame into it.
#include <pthread.h>
#include <stdio.h>

#define W 4

static int bufs[2][W];
static int *front = bufs[0], *back = bufs[1];
static int fresh;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int checksum;

static void *renderer(void *arg)
{
    (void)arg;
    for (int f = 1; f <= 3; f++) {
        for (int i = 0; i < W; i++)
            back[i] = f;
        pthread_mutex_lock(&m);
        while (fresh) /* BUG: waits for "taken", not for "done reading" */
            pthread_cond_wait(&cv, &m);
        int *t = front;
        front = back;
        back = t;
        fresh = 1;
        pthread_cond_broadcast(&cv);
        pthread_mutex_unlock(&m);
    }
    return NULL;
}

static void *presenter(void *arg)
{
    (void)arg;
    for (int f = 1; f <= 3; f++) {
        pthread_mutex_lock(&m);
        while (!fresh)
            pthread_cond_wait(&cv, &m);
        int *buf = front;
        fresh = 0;
        pthread_cond_broadcast(&cv);
        pthread_mutex_unlock(&m);
        for (int i = 0; i < W; i++)
            checksum += buf[i];
    }
    return NULL;
}

int main(void)
{
    pthread_t r, p;
    pthread_create(&r, NULL, renderer, NULL);
    pthread_create(&p, NULL, presenter, NULL);
    pthread_join(r, NULL);
    pthread_join(p, NULL);
    printf("checksum %d\n", checksum);
    return 0;
}
