// expect: outcomes "rounds 2 sum 6\n"
//
// A C11 start gate reused for several rounds: the coordinator bumps a
// generation number under the mutex and broadcasts; workers wait with
// cnd_wait in a while loop until the generation changes, do their share
// of the round, and report back through a countdown and a second
// condition the coordinator waits on.
#include <stdio.h>
#include <threads.h>

#define WORKERS 2
#define ROUNDS 2

static mtx_t mu;
static cnd_t go, finished;
static int generation, remaining, sum;

static int worker(void *arg)
{
    int id = (int)(long)arg;
    int seen = 0;
    for (int r = 0; r < ROUNDS; r++) {
        mtx_lock(&mu);
        while (generation == seen)
            cnd_wait(&go, &mu);
        seen = generation;
        sum += id + 1;
        if (--remaining == 0)
            cnd_signal(&finished);
        mtx_unlock(&mu);
    }
    return 0;
}

int main(void)
{
    thrd_t t[WORKERS];
    mtx_init(&mu, mtx_plain);
    cnd_init(&go);
    cnd_init(&finished);
    for (long i = 0; i < WORKERS; i++)
        thrd_create(&t[i], worker, (void *)i);
    for (int r = 0; r < ROUNDS; r++) {
        mtx_lock(&mu);
        remaining = WORKERS;
        generation++;
        cnd_broadcast(&go);
        while (remaining > 0)
            cnd_wait(&finished, &mu);
        mtx_unlock(&mu);
    }
    for (int i = 0; i < WORKERS; i++)
        thrd_join(t[i], NULL);
    printf("rounds %d sum %d\n", generation, sum);
    cnd_destroy(&go);
    cnd_destroy(&finished);
    mtx_destroy(&mu);
    return 0;
}
