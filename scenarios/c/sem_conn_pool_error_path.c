// expect: deadlock
//
// A pool of two database connections guarded by a counting semaphore:
// a request waits on the semaphore, takes a free connection under a
// mutex, runs its query and gives the connection back with sem_post.
// A request whose query fails returns early and never posts: after two
// failed requests the pool is empty forever and the next request waits
// on the semaphore with nobody left to post.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define CONNS 2

static sem_t free_conns;
static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static int in_use[CONNS];

static int acquire(void)
{
    sem_wait(&free_conns);
    pthread_mutex_lock(&pool_mu);
    int c = 0;
    while (in_use[c])
        c++;
    in_use[c] = 1;
    pthread_mutex_unlock(&pool_mu);
    return c;
}

static void release(int c)
{
    pthread_mutex_lock(&pool_mu);
    in_use[c] = 0;
    pthread_mutex_unlock(&pool_mu);
    sem_post(&free_conns);
}

static int query(int c, int req)
{
    (void)c;
    return req % 2 == 0 ? -1 : req; /* even requests fail */
}

static int handle(int req)
{
    int c = acquire();
    int r = query(c, req);
    if (r < 0)
        return -1; /* connection leaked: no release */
    release(c);
    return r;
}

static void *client(void *arg)
{
    int first = (int)(long)arg;
    int ok = 0;
    for (int req = first; req < first + 2; req++)
        if (handle(req) >= 0)
            ok++;
    return (void *)(long)ok;
}

int main(void)
{
    pthread_t t[2];
    sem_init(&free_conns, 0, CONNS);
    pthread_create(&t[0], NULL, client, (void *)1L);
    pthread_create(&t[1], NULL, client, (void *)3L);
    long ok = 0;
    for (int i = 0; i < 2; i++) {
        void *r;
        pthread_join(t[i], &r);
        ok += (long)r;
    }
    int final = handle(5);
    printf("ok %ld final %d\n", ok, final);
    return 0;
}
