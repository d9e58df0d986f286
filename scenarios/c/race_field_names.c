// expect: race
//
// Races are named as the source names the memory, from the program's
// DWARF types: a field of a global array's element (accounts[1].balance),
// a field of a heap block through the global pointer that reaches it
// (q->len, q->head->value), and a block only a thread's argument holds,
// after the pointer it was allocated into (jobs[2].done); a struct of one
// field by the field (cfg->size, not *cfg).
#include <pthread.h>
#include <stdlib.h>

struct account {
    int id;
    long balance;
};
struct account accounts[3];

struct node {
    int value;
    struct node *next;
};
struct queue {
    pthread_mutex_t mu;
    struct node *head;
    int len;
};
struct queue *q;

struct config {
    int size;
};
struct config *cfg;

struct job {
    char name[12];
    int done;
};

static void *teller(void *arg)
{
    struct job *js = arg;
    accounts[1].balance += 10;
    q->len++;
    q->head->value = 3;
    js[2].done = 1;
    cfg->size++;
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    struct job *jobs = calloc(4, sizeof *jobs);
    cfg = calloc(1, sizeof *cfg);
    q = calloc(1, sizeof *q);
    pthread_mutex_init(&q->mu, NULL);
    q->head = calloc(1, sizeof *q->head);
    pthread_create(&a, NULL, teller, jobs);
    pthread_create(&b, NULL, teller, jobs);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    free(q->head);
    free(q);
    free(jobs);
    free(cfg);
    return 0;
}
