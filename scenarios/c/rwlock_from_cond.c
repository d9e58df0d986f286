// expect: outcomes "readers saw 0 or 5, final 5\n"
//
// A readers-writer lock built by hand from a mutex and one condition
// variable (readers count, writer flag, broadcast on release), used by two
// readers and a writer.
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

struct rw {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int readers, writer;
};

static struct rw rw = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0};
static int value;

static void read_lock(void)
{
    pthread_mutex_lock(&rw.mu);
    while (rw.writer)
        pthread_cond_wait(&rw.cv, &rw.mu);
    rw.readers++;
    pthread_mutex_unlock(&rw.mu);
}

static void read_unlock(void)
{
    pthread_mutex_lock(&rw.mu);
    if (--rw.readers == 0)
        pthread_cond_broadcast(&rw.cv);
    pthread_mutex_unlock(&rw.mu);
}

static void write_lock(void)
{
    pthread_mutex_lock(&rw.mu);
    while (rw.writer || rw.readers > 0)
        pthread_cond_wait(&rw.cv, &rw.mu);
    rw.writer = 1;
    pthread_mutex_unlock(&rw.mu);
}

static void write_unlock(void)
{
    pthread_mutex_lock(&rw.mu);
    rw.writer = 0;
    pthread_cond_broadcast(&rw.cv);
    pthread_mutex_unlock(&rw.mu);
}

static void *reader(void *arg)
{
    (void)arg;
    read_lock();
    int v = value;
    read_unlock();
    assert(v == 0 || v == 5);
    return NULL;
}

static void *writer(void *arg)
{
    (void)arg;
    write_lock();
    value = 2;
    value += 3;
    write_unlock();
    return NULL;
}

int main(void)
{
    pthread_t r1, r2, w;
    pthread_create(&r1, NULL, reader, NULL);
    pthread_create(&w, NULL, writer, NULL);
    pthread_create(&r2, NULL, reader, NULL);
    pthread_join(r1, NULL);
    pthread_join(r2, NULL);
    pthread_join(w, NULL);
    printf("readers saw 0 or 5, final %d\n", value);
    return 0;
}
