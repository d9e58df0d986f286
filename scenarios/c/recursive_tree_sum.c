// expect: outcomes "sum 9\n" "sum 15\n"
//
// A tree whose methods lock a recursive mutex and call each other (the
// sum of a subtree calls the sum of its children): with
// PTHREAD_MUTEX_RECURSIVE the same thread may relock it, and a second
// thread inserting a node waits until the outermost unlock.
#include <pthread.h>
#include <stdio.h>

struct node {
    int v;
    struct node *l, *r;
};

static pthread_mutex_t mu;
static struct node n3 = {3, 0, 0}, n5 = {5, 0, 0}, n2 = {2, 0, 0};
static struct node root = {4, &n3, &n2}, extra = {1, 0, 0};

static int sum(struct node *n)
{
    if (!n)
        return 0;
    pthread_mutex_lock(&mu);
    int s = n->v + sum(n->l) + sum(n->r);
    pthread_mutex_unlock(&mu);
    return s;
}

static void *summer(void *arg)
{
    (void)arg;
    return (void *)(long)sum(&root);
}

int main(void)
{
    pthread_mutexattr_t at;
    pthread_mutexattr_init(&at);
    pthread_mutexattr_settype(&at, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&mu, &at);
    pthread_mutexattr_destroy(&at);
    pthread_t t;
    void *s;
    pthread_create(&t, NULL, summer, NULL);
    pthread_mutex_lock(&mu);
    pthread_mutex_lock(&mu); /* a helper that locks again */
    n3.l = &n5;
    n3.r = &extra;
    pthread_mutex_unlock(&mu);
    pthread_mutex_unlock(&mu);
    pthread_join(t, &s);
    printf("sum %ld\n", (long)s);
    pthread_mutex_destroy(&mu);
    return 0;
}
