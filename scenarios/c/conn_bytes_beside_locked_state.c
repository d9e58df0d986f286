// expect: race
//
// A connection table: each connection's state is changed under its
// mutex, but the sender updates the byte counter beside it without the
// lock ("it is only statistics"), while the monitor thread reads the
// whole struct (state and counters) under the lock to print a summary.
// The lock the monitor holds does not order the sender's unlocked
// write: a data race on bytes_out.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

enum state { IDLE, SENDING, CLOSED };

struct conn {
    pthread_mutex_t mu;
    enum state state;
    unsigned long bytes_out;
    unsigned msgs_out;
    char peer[16];
};

static struct conn conns[2];

static void conn_send(struct conn *c, const char *payload)
{
    pthread_mutex_lock(&c->mu);
    if (c->state == CLOSED) {
        pthread_mutex_unlock(&c->mu);
        return;
    }
    c->state = SENDING;
    c->msgs_out++;
    pthread_mutex_unlock(&c->mu);
    c->bytes_out += strlen(payload); /* outside the lock */
    pthread_mutex_lock(&c->mu);
    c->state = IDLE;
    pthread_mutex_unlock(&c->mu);
}

static void *sender(void *arg)
{
    struct conn *c = arg;
    conn_send(c, "hello");
    conn_send(c, "world!");
    return NULL;
}

static void *monitor(void *arg)
{
    unsigned long total = 0;
    (void)arg;
    for (int i = 0; i < 2; i++) {
        pthread_mutex_lock(&conns[i].mu);
        total += conns[i].bytes_out + conns[i].msgs_out;
        pthread_mutex_unlock(&conns[i].mu);
    }
    return (void *)total;
}

int main(void)
{
    pthread_t s, m;
    for (int i = 0; i < 2; i++) {
        pthread_mutex_init(&conns[i].mu, NULL);
        conns[i].state = IDLE;
        snprintf(conns[i].peer, sizeof conns[i].peer, "10.0.0.%d", i + 1);
    }
    pthread_create(&s, NULL, sender, &conns[0]);
    pthread_create(&m, NULL, monitor, NULL);
    pthread_join(s, NULL);
    pthread_join(m, NULL);
    printf("conn0 %lu bytes\n", conns[0].bytes_out);
    return 0;
}
