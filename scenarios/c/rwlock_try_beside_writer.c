// expect: outcomes "reader busy\n" "reader read 0\n"
//
// A status reader that must not wait: pthread_rwlock_tryrdlock, and on
// EBUSY it reports "busy" instead of reading. A writer holds the lock
// until the reader has made its attempt (the semaphore). The try never
// waits, so whatever the order nothing hangs: the reader reads before the
// writer gets in, or finds it inside. (A try that checked the lock and
// then waited for it, when the writer got in between, would hang here.)
//
// glibc (10 runs): "reader read 0" or "reader busy"; trywrlock and
// tryrdlock return EBUSY rather than block, as POSIX says.
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static sem_t tried;
static int value;

static void *writer(void *arg)
{
    (void)arg;
    pthread_rwlock_wrlock(&lock);
    value = 1;
    sem_wait(&tried); /* stays inside until the reader tried */
    pthread_rwlock_unlock(&lock);
    return NULL;
}

int main(void)
{
    pthread_t w;
    int r, v = -1;
    sem_init(&tried, 0, 0);
    pthread_create(&w, NULL, writer, NULL);
    r = pthread_rwlock_tryrdlock(&lock);
    if (r == 0) {
        v = value;
        pthread_rwlock_unlock(&lock);
    }
    sem_post(&tried);
    pthread_join(w, NULL);
    /* alone now: a write try succeeds, a read try beside it fails */
    if (pthread_rwlock_trywrlock(&lock) != 0)
        return 1;
    if (pthread_rwlock_tryrdlock(&lock) != EBUSY)
        return 2;
    pthread_rwlock_unlock(&lock);
    if (r == 0)
        printf("reader read %d\n", v);
    else
        printf("reader %s\n", r == EBUSY ? "busy" : "error");
    return 0;
}
