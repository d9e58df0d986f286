// expect: outcomes "frames 3 checksum 6\n"
//
// Double buffering between a renderer and a presenter: the renderer
// fills the back buffer, then under the lock waits until the presenter
// has taken the previous front buffer, swaps the pointers and signals.
// The presenter waits for a fresh front buffer, takes it (marking it
// taken), and reads it outside the lock: the renderer never writes a
// buffer the presenter holds, because it only swaps after `taken`.
#include <pthread.h>
#include <stdio.h>

#define W 4

static int bufs[2][W];
static int *front = bufs[0], *back = bufs[1];
static int fresh, taken = 1;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int presented, checksum;

static void *renderer(void *arg)
{
    (void)arg;
    for (int f = 1; f <= 3; f++) {
        for (int i = 0; i < W; i++)
            back[i] = i == 0 ? f : 0;
        pthread_mutex_lock(&m);
        while (!taken || fresh)
            pthread_cond_wait(&cv, &m);
        int *t = front;
        front = back;
        back = t;
        fresh = 1;
        taken = 0;
        pthread_cond_broadcast(&cv);
        /* wait until the presenter is done with the old front: it is our
           next back buffer */
        while (!taken)
            pthread_cond_wait(&cv, &m);
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
        pthread_mutex_unlock(&m);
        int sum = 0;
        for (int i = 0; i < W; i++)
            sum += buf[i];
        pthread_mutex_lock(&m);
        checksum += sum;
        presented++;
        taken = 1;
        pthread_cond_broadcast(&cv);
        pthread_mutex_unlock(&m);
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
    printf("frames %d checksum %d\n", presented, checksum);
    return 0;
}
