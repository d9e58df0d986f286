// expect: race
//
// The future again, but the worker marks it ready (under the lock, with
// a signal) before storing the result, which it writes after unlocking:
// main can wake and read the result while the worker writes it.
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
    pthread_mutex_lock(&f->mu);
    f->ready = 1;
    pthread_cond_signal(&f->cv);
    pthread_mutex_unlock(&f->mu);
    f->result = f->input * f->input;
    return NULL;
}

static int future_get(struct future *f)
{
    pthread_mutex_lock(&f->mu);
    while (!f->ready)
        pthread_cond_wait(&f->cv, &f->mu);
    pthread_mutex_unlock(&f->mu);
    return f->result;
}

int main(void)
{
    struct future f = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                       0, 6, 0};
    pthread_t t;
    pthread_create(&t, NULL, compute, &f);
    int r = future_get(&f);
    pthread_join(t, NULL);
    printf("result %d\n", r);
    return 0;
}
