// expect: race
//
// The object pool with an error path that returns an object twice: a
// worker whose "work" fails puts the object back, then falls through to
// the common cleanup that puts it back again. The free list now holds
// the object twice, so two threads can get it at once and both write
// its fields.
#include <pthread.h>
#include <stdio.h>

struct obj {
    struct obj *next;
    int data;
};

static struct obj objs[2];
static struct obj *free_list;
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;

static struct obj *pool_get(void)
{
    pthread_mutex_lock(&pool_lock);
    struct obj *o = free_list;
    if (o != NULL)
        free_list = o->next;
    pthread_mutex_unlock(&pool_lock);
    return o;
}

static void pool_put(struct obj *o)
{
    pthread_mutex_lock(&pool_lock);
    o->next = free_list;
    free_list = o;
    pthread_mutex_unlock(&pool_lock);
}

static int do_work(struct obj *o, int v)
{
    o->data = v;
    return v < 0 ? -1 : 0;
}

static void *worker(void *arg)
{
    int v = (int)(long)arg;
    struct obj *o = pool_get();
    if (o == NULL)
        return NULL;
    if (do_work(o, v) < 0)
        pool_put(o); /* BUG: the cleanup below puts it again */
    pool_put(o);
    return NULL;
}

int main(void)
{
    objs[0].next = &objs[1];
    free_list = &objs[0];
    pthread_t a, b, c;
    pthread_create(&a, NULL, worker, (void *)-1L);
    pthread_join(a, NULL);
    pthread_create(&b, NULL, worker, (void *)1L);
    pthread_create(&c, NULL, worker, (void *)2L);
    pthread_join(b, NULL);
    pthread_join(c, NULL);
    puts("done");
    return 0;
}
