// expect: outcomes "applied 4\n"
//
// C11 threads: each updater tries the table lock with mtx_timedlock
// and a deadline 10 ms ahead; on thrd_timedout it parks the update in
// its own backlog and retries later with a plain mtx_lock, so every
// update is applied once, whatever the lock's holder does meanwhile.
#include <stdio.h>
#include <threads.h>
#include <time.h>

#define UPDATERS 2
#define PER_UPDATER 2

static mtx_t table_lock;
static int table[8];
static int applied;

struct updater {
    int id;
    int backlog[PER_UPDATER];
    int nbacklog;
};

static void apply(int slot)
{
    table[slot]++;
    applied++;
}

static int updater_main(void *arg)
{
    struct updater *u = arg;
    for (int i = 0; i < PER_UPDATER; i++) {
        int slot = u->id * PER_UPDATER + i;
        struct timespec dl;
        timespec_get(&dl, TIME_UTC);
        dl.tv_nsec += 10 * 1000 * 1000;
        if (dl.tv_nsec >= 1000000000L) {
            dl.tv_sec++;
            dl.tv_nsec -= 1000000000L;
        }
        int r = mtx_timedlock(&table_lock, &dl);
        if (r == thrd_success) {
            apply(slot);
            mtx_unlock(&table_lock);
        } else if (r == thrd_timedout) {
            u->backlog[u->nbacklog++] = slot;
        } else {
            return -1;
        }
    }
    if (u->nbacklog > 0) {
        mtx_lock(&table_lock);
        for (int i = 0; i < u->nbacklog; i++)
            apply(u->backlog[i]);
        mtx_unlock(&table_lock);
    }
    return 0;
}

int main(void)
{
    thrd_t t[UPDATERS];
    struct updater u[UPDATERS] = {{0}};
    if (mtx_init(&table_lock, mtx_timed) != thrd_success)
        return 1;
    for (int i = 0; i < UPDATERS; i++) {
        u[i].id = i;
        if (thrd_create(&t[i], updater_main, &u[i]) != thrd_success)
            return 1;
    }
    /* main holds the lock for a while: updaters may time out */
    mtx_lock(&table_lock);
    struct timespec pause = {0, 20 * 1000 * 1000};
    thrd_sleep(&pause, NULL);
    mtx_unlock(&table_lock);
    for (int i = 0; i < UPDATERS; i++) {
        int rc;
        thrd_join(t[i], &rc);
        if (rc != 0)
            return 1;
    }
    mtx_destroy(&table_lock);
    printf("applied %d\n", applied);
    return 0;
}
