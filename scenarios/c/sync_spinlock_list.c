// expect: race
//
// A spinlock from __sync_lock_test_and_set / __sync_lock_release (acquire
// and release barriers) protecting a singly linked list that two threads
// insert into.
//
// The inner `while (lk)` is the usual test-and-test-and-set, but a plain
// read of lk while another thread's __sync_lock_release stores to it is a
// C11 data race (TSan missed it in three runs; reading lk with
// __atomic_load_n(&lk, __ATOMIC_RELAXED) makes the program correct).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct item {
    int v;
    struct item *next;
};

static volatile int lk;
static struct item *head;

static void *inserter(void *arg)
{
    for (int i = 0; i < 2; i++) {
        struct item *it = malloc(sizeof *it);
        it->v = (int)(long)arg + i;
        while (__sync_lock_test_and_set(&lk, 1))
            while (lk)
                ;
        it->next = head;
        head = it;
        __sync_lock_release(&lk);
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    int n = 0;
    pthread_create(&a, NULL, inserter, (void *)0L);
    pthread_create(&b, NULL, inserter, (void *)10L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    while (head) {
        struct item *next = head->next;
        free(head);
        head = next;
        n++;
    }
    printf("%d\n", n);
    return 0;
}
