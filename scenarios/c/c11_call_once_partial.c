// expect: race
//
// C11 call_once initializes a lookup table exactly once; but a second
// table, added later, is filled lazily by the first caller that finds it
// empty, outside call_once: two threads can both fill it, and one can
// read it while the other writes.
#include <stdio.h>
#include <threads.h>

static once_flag once = ONCE_FLAG_INIT;
static int squares[8];
static int cubes[8];
static int cubes_ready;

static void init_squares(void)
{
    for (int i = 0; i < 8; i++)
        squares[i] = i * i;
}

static int lookup(int i)
{
    call_once(&once, init_squares);
    if (!cubes_ready) { /* BUG: not under call_once */
        for (int k = 0; k < 8; k++)
            cubes[k] = k * k * k;
        cubes_ready = 1;
    }
    return squares[i] + cubes[i];
}

static int user(void *arg)
{
    return lookup((int)(long)arg);
}

int main(void)
{
    thrd_t a, b;
    thrd_create(&a, user, (void *)2L);
    thrd_create(&b, user, (void *)3L);
    int ra, rb;
    thrd_join(a, &ra);
    thrd_join(b, &rb);
    printf("%d %d\n", ra, rb);
    return 0;
}
