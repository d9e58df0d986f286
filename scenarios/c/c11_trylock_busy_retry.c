// expect: outcomes "merged 4 busy-retries ok\n"
//
// C11 mtx_trylock: each thread merges its local counts into a shared
// table, and when mtx_trylock answers thrd_busy it does one more piece
// of local work and tries again, falling back to a blocking mtx_lock
// after three busy answers. thrd_busy is a normal answer, not an error.
#include <stdio.h>
#include <threads.h>

static mtx_t table_lock;
static int table[2];

static int merger(void *arg)
{
    int id = (int)(long)arg;
    int local = 0, tries = 0;
    for (;;) {
        local++; /* local work between attempts */
        int r = mtx_trylock(&table_lock);
        if (r == thrd_success)
            break;
        if (r != thrd_busy)
            return -1;
        if (++tries == 3) {
            mtx_lock(&table_lock);
            break;
        }
    }
    table[id] += 2;
    mtx_unlock(&table_lock);
    return local > 0 ? 0 : -1;
}

int main(void)
{
    mtx_init(&table_lock, mtx_plain);
    thrd_t a, b;
    thrd_create(&a, merger, (void *)0L);
    thrd_create(&b, merger, (void *)1L);
    int ra, rb;
    thrd_join(a, &ra);
    thrd_join(b, &rb);
    printf("merged %d busy-retries %s\n", table[0] + table[1],
           ra == 0 && rb == 0 ? "ok" : "failed");
    mtx_destroy(&table_lock);
    return 0;
}
