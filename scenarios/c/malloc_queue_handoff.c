// expect: outcomes "hello world \n"
//
// A producer mallocs messages and hands them over through a linked queue
// under a mutex and condition variable; the consumer prints and frees
// them; a NULL payload ends the stream.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct msg {
    char *text;
    struct msg *next;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t nonempty = PTHREAD_COND_INITIALIZER;
static struct msg *head, **tail = &head;

static void send(const char *s)
{
    struct msg *m = malloc(sizeof *m);
    m->text = s ? strdup(s) : NULL;
    m->next = NULL;
    pthread_mutex_lock(&mu);
    *tail = m;
    tail = &m->next;
    pthread_cond_signal(&nonempty);
    pthread_mutex_unlock(&mu);
}

static struct msg *receive(void)
{
    struct msg *m;
    pthread_mutex_lock(&mu);
    while (head == NULL)
        pthread_cond_wait(&nonempty, &mu);
    m = head;
    head = m->next;
    if (head == NULL)
        tail = &head;
    pthread_mutex_unlock(&mu);
    return m;
}

static void *consumer(void *arg)
{
    (void)arg;
    for (;;) {
        struct msg *m = receive();
        int end = m->text == NULL;
        if (!end)
            printf("%s ", m->text);
        free(m->text);
        free(m);
        if (end)
            break;
    }
    printf("\n");
    return NULL;
}

int main(void)
{
    pthread_t c;
    pthread_create(&c, NULL, consumer, NULL);
    send("hello");
    send("world");
    send(NULL);
    pthread_join(c, NULL);
    return 0;
}
