// expect: deadlock
//
// Lock-order inversion through callbacks: registry_add holds the
// registry lock while it calls the new listener's on_add, which takes
// the listener's lock; listener_fire holds the listener's lock while it
// asks the registry for the count (taking the registry lock). Neither
// function takes two locks itself.
#include <pthread.h>
#include <stdio.h>

struct listener {
    pthread_mutex_t mu;
    int events;
    void (*on_add)(struct listener *);
};

static pthread_mutex_t registry_mu = PTHREAD_MUTEX_INITIALIZER;
static struct listener *registered[4];
static int nregistered;

static void count_add(struct listener *l)
{
    pthread_mutex_lock(&l->mu);
    l->events++;
    pthread_mutex_unlock(&l->mu);
}

static int registry_count(void)
{
    pthread_mutex_lock(&registry_mu);
    int n = nregistered;
    pthread_mutex_unlock(&registry_mu);
    return n;
}

static void registry_add(struct listener *l)
{
    pthread_mutex_lock(&registry_mu);
    registered[nregistered++] = l;
    l->on_add(l);
    pthread_mutex_unlock(&registry_mu);
}

static void listener_fire(struct listener *l)
{
    pthread_mutex_lock(&l->mu);
    l->events += registry_count();
    pthread_mutex_unlock(&l->mu);
}

static struct listener audit = {PTHREAD_MUTEX_INITIALIZER, 0, count_add};

static void *adder(void *arg)
{
    (void)arg;
    registry_add(&audit);
    return NULL;
}

static void *firer(void *arg)
{
    (void)arg;
    listener_fire(&audit);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, adder, NULL);
    pthread_create(&b, NULL, firer, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("events %d\n", audit.events);
    return 0;
}
