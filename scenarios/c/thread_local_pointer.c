// expect: outcomes "owner 7 reader sees 7 own 0\n"
//
// A thread publishes the address of its thread-local variable; another
// thread reads it through the pointer (ordered by a mutex and a
// condition): it reads the owner's copy, as natively, not its own.
#include <pthread.h>
#include <stdio.h>

static __thread int slot;
static int *published;
static int done_reading;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int owner_saw, reader_saw, reader_own;

static void *owner(void *arg)
{
    (void)arg;
    slot = 7;
    pthread_mutex_lock(&mu);
    published = &slot;
    pthread_cond_broadcast(&cv);
    while (!done_reading) /* keep the variable alive */
        pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
    owner_saw = slot;
    return NULL;
}

static void *reader(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    while (!published)
        pthread_cond_wait(&cv, &mu);
    reader_saw = *published;
    reader_own = slot;
    done_reading = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, owner, NULL);
    pthread_create(&b, NULL, reader, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("owner %d reader sees %d own %d\n", owner_saw, reader_saw,
           reader_own);
    return 0;
}
