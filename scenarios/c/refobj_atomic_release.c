// expect: outcomes "sessions closed: 1, bytes 30\n"
//
// A reference-counted session object shared by worker threads: each
// worker takes a reference (atomic_fetch_add, relaxed, from a reference
// it already holds via main), uses the object, and drops it with
// atomic_fetch_sub (acq_rel); whoever drops the last reference runs the
// destructor, which reads the fields the others wrote under the
// session's lock and frees it.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct session {
    atomic_int refs;
    pthread_mutex_t lock;
    long bytes;
};

static atomic_int closed;
static long closed_bytes;

static struct session *session_new(void)
{
    struct session *s = calloc(1, sizeof *s);
    if (s == NULL)
        abort();
    atomic_init(&s->refs, 1);
    pthread_mutex_init(&s->lock, NULL);
    return s;
}

static struct session *session_get(struct session *s)
{
    atomic_fetch_add_explicit(&s->refs, 1, memory_order_relaxed);
    return s;
}

static void session_put(struct session *s)
{
    if (atomic_fetch_sub_explicit(&s->refs, 1, memory_order_acq_rel) == 1) {
        closed_bytes = s->bytes;
        pthread_mutex_destroy(&s->lock);
        free(s);
        atomic_fetch_add(&closed, 1);
    }
}

static void *worker(void *arg)
{
    struct session *s = arg;
    pthread_mutex_lock(&s->lock);
    s->bytes += 10;
    pthread_mutex_unlock(&s->lock);
    session_put(s);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    struct session *s = session_new();
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, session_get(s));
    pthread_mutex_lock(&s->lock);
    s->bytes += 10;
    pthread_mutex_unlock(&s->lock);
    session_put(s); /* main's own reference */
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("sessions closed: %d, bytes %ld\n", atomic_load(&closed),
           closed_bytes);
    return 0;
}
