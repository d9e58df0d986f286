// expect: deadlock
//
// move() locks from, then to: moving a->b and b->a at once, each thread
// holds one list's mutex and waits for the other's.
// (issue 15: a program written outside the suite.)
#include <pthread.h>
#include <stdio.h>

struct list {
    pthread_mutex_t mu;
    int n;
};

static struct list a = {PTHREAD_MUTEX_INITIALIZER, 5};
static struct list b = {PTHREAD_MUTEX_INITIALIZER, 5};

static void move(struct list *from, struct list *to)
{
    pthread_mutex_lock(&from->mu);
    pthread_mutex_lock(&to->mu); /* BUG: the other thread holds to, waits for from */
    from->n--;
    to->n++;
    pthread_mutex_unlock(&to->mu);
    pthread_mutex_unlock(&from->mu);
}

static void *ab(void *arg) { (void)arg; move(&a, &b); return NULL; }
static void *ba(void *arg) { (void)arg; move(&b, &a); return NULL; }

int main(void)
{
    pthread_t t1, t2;
    pthread_create(&t1, NULL, ab, NULL);
    pthread_create(&t2, NULL, ba, NULL);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    printf("%d %d\n", a.n, b.n);
    return 0;
}
