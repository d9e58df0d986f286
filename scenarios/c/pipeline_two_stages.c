// expect: outcomes "HELLO\nWORLD\n"
//
// A two-stage pipeline with malloc'd messages: the reader thread
// allocates each message and queues it to the upper-casing stage, which
// modifies it in place and queues it to main, which prints and frees it.
// Ownership moves with the message through mutex/condvar queues; a NULL
// message ends each stage.
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct msg {
    struct msg *next;
    char text[16];
};

struct queue {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct msg *head, *tail;
    int closed;
};

static struct queue q1 = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0};
static struct queue q2 = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0};

static void put(struct queue *q, struct msg *m)
{
    pthread_mutex_lock(&q->mu);
    if (m) {
        m->next = NULL;
        if (q->tail)
            q->tail->next = m;
        else
            q->head = m;
        q->tail = m;
    } else {
        q->closed = 1;
    }
    pthread_cond_signal(&q->cv);
    pthread_mutex_unlock(&q->mu);
}

static struct msg *get(struct queue *q)
{
    pthread_mutex_lock(&q->mu);
    while (!q->head && !q->closed)
        pthread_cond_wait(&q->cv, &q->mu);
    struct msg *m = q->head;
    if (m) {
        q->head = m->next;
        if (!q->head)
            q->tail = NULL;
    }
    pthread_mutex_unlock(&q->mu);
    return m;
}

static void *reader(void *arg)
{
    (void)arg;
    static const char *words[] = {"hello", "world"};
    for (int i = 0; i < 2; i++) {
        struct msg *m = malloc(sizeof *m);
        strcpy(m->text, words[i]);
        put(&q1, m);
    }
    put(&q1, NULL);
    return NULL;
}

static void *upper(void *arg)
{
    (void)arg;
    struct msg *m;
    while ((m = get(&q1)) != NULL) {
        for (char *p = m->text; *p; p++)
            *p = (char)toupper((unsigned char)*p);
        put(&q2, m);
    }
    put(&q2, NULL);
    return NULL;
}

int main(void)
{
    pthread_t r, u;
    pthread_create(&r, NULL, reader, NULL);
    pthread_create(&u, NULL, upper, NULL);
    struct msg *m;
    while ((m = get(&q2)) != NULL) {
        printf("%s\n", m->text);
        free(m);
    }
    pthread_join(r, NULL);
    pthread_join(u, NULL);
    return 0;
}
