// expect: race panic
//
// A growable vector guarded by a mutex. vec_at() locks, returns a
// pointer to the element and unlocks; the caller then reads through the
// pointer. A concurrent push that reallocs the array moves it: the
// reader's pointer now points into freed memory (the read races with the
// realloc, and when the block moved it is a use after free).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct vec {
    pthread_mutex_t lock;
    int *data;
    size_t len, cap;
};

static struct vec v = {PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0};

static void vec_push(struct vec *vp, int x)
{
    pthread_mutex_lock(&vp->lock);
    if (vp->len == vp->cap) {
        size_t cap = vp->cap ? vp->cap * 4 : 1;
        int *d = realloc(vp->data, cap * 64 * sizeof *d);
        if (d == NULL)
            abort();
        vp->data = d;
        vp->cap = cap;
    }
    vp->data[vp->len++] = x;
    pthread_mutex_unlock(&vp->lock);
}

static int *vec_at(struct vec *vp, size_t i)
{
    pthread_mutex_lock(&vp->lock);
    int *p = i < vp->len ? &vp->data[i] : NULL;
    pthread_mutex_unlock(&vp->lock);
    return p; /* BUG: valid only while nobody pushes */
}

static void *pusher(void *arg)
{
    (void)arg;
    for (int i = 1; i <= 2; i++)
        vec_push(&v, i * 10);
    return NULL;
}

int main(void)
{
    vec_push(&v, 7);
    pthread_t t;
    pthread_create(&t, NULL, pusher, NULL);
    int *first = vec_at(&v, 0);
    int x = first ? *first : -1;
    pthread_join(t, NULL);
    printf("first %d len %zu\n", x, v.len);
    free(v.data);
    return 0;
}
