// expect: outcomes "pushed 6 popped 6\n"
// weft: --preemptions 2
//
// A free list guarded by a test-and-test-and-set spinlock built on C11's
// atomic_flag (acquire on set, release on clear): three threads push
// nodes and pop them back; the list is plain memory under the lock.
#include <stdatomic.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

struct node {
    struct node *next;
};

static atomic_flag lk = ATOMIC_FLAG_INIT;
static struct node *top;
static struct node nodes[6];
static int pushed, popped;

static void lock(void)
{
    while (atomic_flag_test_and_set_explicit(&lk, memory_order_acquire))
        sched_yield();
}

static void unlock(void)
{
    atomic_flag_clear_explicit(&lk, memory_order_release);
}

static void *user(void *arg)
{
    struct node *mine = arg;
    for (int i = 0; i < 2; i++) {
        lock();
        mine[i].next = top;
        top = &mine[i];
        pushed++;
        unlock();
    }
    for (int i = 0; i < 2; i++) {
        lock();
        if (top) {
            top = top->next;
            popped++;
        }
        unlock();
    }
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, user, &nodes[2 * i]);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("pushed %d popped %d\n", pushed, popped);
    return 0;
}
