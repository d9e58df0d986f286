// expect: race
//
// A request dispatcher starts a detached handler for each request and
// passes it a pointer to the request struct on its own stack frame, then
// returns and dispatches the next request into the same frame: the
// handler's read of the request races with the dispatcher's next write.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

struct request {
    int id;
    int size;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int handled_bytes;

static void *handle(void *arg)
{
    struct request *r = arg;
    int size = r->size;
    pthread_mutex_lock(&mu);
    handled_bytes += size;
    pthread_mutex_unlock(&mu);
    return NULL;
}

static void dispatch(int id, int size)
{
    struct request r = {id, size}; /* BUG: the handler outlives it */
    pthread_t t;
    pthread_create(&t, NULL, handle, &r);
    pthread_detach(t);
}

int main(void)
{
    dispatch(1, 100);
    dispatch(2, 200);
    sleep(1);
    pthread_mutex_lock(&mu);
    printf("%d\n", handled_bytes);
    pthread_mutex_unlock(&mu);
    return 0;
}
