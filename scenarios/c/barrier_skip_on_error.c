// expect: deadlock
//
// Three workers meet at a barrier between their load and compute phases;
// one hits an error loading its share and returns early without
// reaching the barrier, so the other two wait there forever (and main's
// joins with them).
#include <pthread.h>
#include <stdio.h>

static pthread_barrier_t loaded;
static int shares[3];

static int load_share(int id)
{
    if (id == 2)
        return -1; /* the input for this share is missing */
    shares[id] = id + 1;
    return 0;
}

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    if (load_share(id) != 0) {
        fprintf(stderr, "worker %d: load failed\n", id);
        return NULL;
    }
    pthread_barrier_wait(&loaded);
    shares[id] *= 2;
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    pthread_barrier_init(&loaded, NULL, 3);
    for (long i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("%d %d %d\n", shares[0], shares[1], shares[2]);
    pthread_barrier_destroy(&loaded);
    return 0;
}
