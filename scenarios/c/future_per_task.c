// expect: outcomes "results 1 4 9\n"
//
// A future per task: each has its own mutex, condition variable, ready
// flag and result. Workers compute, then publish under the future's
// lock and signal; main waits on each future in turn.
#include <pthread.h>
#include <stdio.h>

struct future {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int ready;
    int input, result;
};

static void *compute(void *arg)
{
    struct future *f = arg;
    int r = f->input * f->input;
    pthread_mutex_lock(&f->mu);
    f->result = r;
    f->ready = 1;
    pthread_cond_signal(&f->cv);
    pthread_mutex_unlock(&f->mu);
    return NULL;
}

static int future_get(struct future *f)
{
    int r;
    pthread_mutex_lock(&f->mu);
    while (!f->ready)
        pthread_cond_wait(&f->cv, &f->mu);
    r = f->result;
    pthread_mutex_unlock(&f->mu);
    return r;
}

int main(void)
{
    struct future fs[3];
    pthread_t t[3];
    int r[3];
    for (int i = 0; i < 3; i++) {
        pthread_mutex_init(&fs[i].mu, NULL);
        pthread_cond_init(&fs[i].cv, NULL);
        fs[i].ready = 0;
        fs[i].input = i + 1;
        pthread_create(&t[i], NULL, compute, &fs[i]);
        pthread_detach(t[i]);
    }
    for (int i = 0; i < 3; i++)
        r[i] = future_get(&fs[i]);
    printf("results %d %d %d\n", r[0], r[1], r[2]);
    return 0;
}
