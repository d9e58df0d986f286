// expect: assert
//
// An auto-reset "token" event: a setter makes the token available and
// broadcasts; takers wait for it and consume it (reset it to 0). One
// taker waits with `if` rather than `while`: woken by the broadcast
// after the other taker already consumed the token, it goes on as if it
// held it, and its assertion that it owns the token fails.
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t token_cv = PTHREAD_COND_INITIALIZER;
static int token_available;
static int owner = -1;
static int served;

static void take_token_careful(int id)
{
    pthread_mutex_lock(&mu);
    while (!token_available)
        pthread_cond_wait(&token_cv, &mu);
    token_available = 0;
    owner = id;
    pthread_mutex_unlock(&mu);
}

static void take_token_hasty(int id)
{
    pthread_mutex_lock(&mu);
    if (!token_available)
        pthread_cond_wait(&token_cv, &mu);
    assert(token_available);
    token_available = 0;
    owner = id;
    pthread_mutex_unlock(&mu);
}

static void give_token(int id)
{
    pthread_mutex_lock(&mu);
    if (owner == id) {
        owner = -1;
        served++;
    }
    token_available = 1;
    pthread_cond_broadcast(&token_cv);
    pthread_mutex_unlock(&mu);
}

static void *careful(void *arg)
{
    int id = (int)(long)arg;
    take_token_careful(id);
    give_token(id);
    return NULL;
}

static void *hasty(void *arg)
{
    int id = (int)(long)arg;
    take_token_hasty(id);
    give_token(id);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, careful, (void *)1L);
    pthread_create(&b, NULL, hasty, (void *)2L);
    give_token(0); /* the first token */
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("served %d\n", served);
    return 0;
}
