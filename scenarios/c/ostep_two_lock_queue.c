// expect: race
//
// OSTEP, Lock-based Concurrent Data Structures, Figure 29.9: Michael and
// Scott's concurrent queue with two locks, one for the head (dequeue) and
// one for the tail (enqueue), and a dummy node between them. With one
// element or none, the enqueuer writes tail->next under the tail lock
// while the dequeuer reads the same node's next under the head lock: no
// lock orders the two. The algorithm tolerates it on the machines it was
// written for, but in C11 it is a data race (ThreadSanitizer reports it
// too); the pointer should be atomic.
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct node {
    int value;
    struct node *next;
} node_t;

typedef struct {
    node_t *head, *tail;
    pthread_mutex_t head_lock, tail_lock;
} queue_t;

static queue_t q;

static void queue_init(queue_t *q)
{
    node_t *tmp = malloc(sizeof *tmp);
    tmp->next = NULL;
    q->head = q->tail = tmp;
    pthread_mutex_init(&q->head_lock, NULL);
    pthread_mutex_init(&q->tail_lock, NULL);
}

static void queue_enqueue(queue_t *q, int value)
{
    node_t *tmp = malloc(sizeof *tmp);
    tmp->value = value;
    tmp->next = NULL;
    pthread_mutex_lock(&q->tail_lock);
    q->tail->next = tmp;
    q->tail = tmp;
    pthread_mutex_unlock(&q->tail_lock);
}

static int queue_dequeue(queue_t *q, int *value)
{
    pthread_mutex_lock(&q->head_lock);
    node_t *tmp = q->head;
    node_t *new_head = tmp->next;
    if (new_head == NULL) {
        pthread_mutex_unlock(&q->head_lock);
        return -1; /* empty */
    }
    *value = new_head->value;
    q->head = new_head;
    pthread_mutex_unlock(&q->head_lock);
    free(tmp);
    return 0;
}

static void *producer(void *arg)
{
    queue_enqueue(&q, 1);
    return arg;
}

static void *consumer(void *arg)
{
    int v;
    if (queue_dequeue(&q, &v) == 0)
        assert(v == 1);
    return arg;
}

int main(void)
{
    pthread_t p, c;
    queue_init(&q);
    pthread_create(&p, NULL, producer, NULL);
    pthread_create(&c, NULL, consumer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    printf("done\n");
    return 0;
}
