/* weft.h: the public C API of weft (SPEC section 7).
 *
 * weft runs a C "scenario" function as task 0 on a deterministic,
 * single-threaded scheduler. The scenario spawns tasks with wf_go() and
 * synchronises them with the objects below, which have Go's semantics
 * (channels, select, sync.Mutex, sync.RWMutex, sync.Cond, sync.WaitGroup,
 * sync.Once, sync/atomic, time.Sleep). Every call below that touches an
 * object is a *visible operation*: before it, the scheduler may switch to
 * another task. weft explores those switches and reports deadlocks, races,
 * misuse panics and failed assertions.
 *
 * Rules:
 *  - Everything a scenario creates lives for one execution. The scenario
 *    runs afresh for every execution, so keep state inside it (or in memory
 *    it allocates), not in C globals.
 *  - Names passed to wf_*_new() and wf_go() are copied. Objects are freed by
 *    the engine when the execution ends; never free them yourself.
 *  - Calling the API outside a task (outside wf_main/wf_explore) is a usage
 *    error: weft prints a message and exits with status 2.
 *  - A panic (for example closing a closed channel) or a failed wf_assert
 *    ends the execution at once, as a panic ends a Go program; the calling
 *    task never returns from the call.
 *  - Each function is also a function-like macro that passes the call site
 *    (__FILE__, __LINE__) so reports name your source lines. The functions
 *    themselves exist with exactly the types below; (wf_yield)() or
 *    &wf_yield bypass the macro.
 *
 * The header compiles alone as C11 and as C++. */
#ifndef WEFT_H
#define WEFT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct wf_task wf_task;
typedef struct wf_chan wf_chan;
typedef struct wf_mutex wf_mutex;
typedef struct wf_rwmutex wf_rwmutex;
typedef struct wf_cond wf_cond;
typedef struct wf_waitgroup wf_waitgroup;
typedef struct wf_once wf_once;
typedef struct wf_atomic wf_atomic;
typedef struct wf_var wf_var;

/* ---- tasks ------------------------------------------------------------ */

/* Start fn(arg) as a new task (Go's `go fn(arg)`). Tasks are numbered 1, 2,
 * ... in spawn order and shown as "g<N> <name>". Returns its handle, valid
 * until the execution ends. A visible operation. */
wf_task *wf_go(void (*fn)(void *), void *arg, const char *name);
/* A scheduling point and nothing else (runtime.Gosched). */
void wf_yield(void);

/* ---- channels --------------------------------------------------------- */

/* A channel of intptr_t with capacity cap (0: unbuffered). A NULL channel
 * is Go's nil channel: sends and receives block forever, close panics. */
wf_chan *wf_chan_new(const char *name, size_t cap);
/* Send v; blocks until a receiver takes it (unbuffered) or the buffer has
 * room. Panics "send on closed channel" if ch is or becomes closed. */
void wf_chan_send(wf_chan *c, intptr_t v);
/* Receive a value; blocks until one is available. On a closed, drained
 * channel returns 0 at once with *ok false. ok may be NULL. */
intptr_t wf_chan_recv(wf_chan *c, bool *ok);
/* Close ch: waiting receivers get (0, false), waiting senders panic.
 * Panics "close of nil channel" / "close of closed channel". */
void wf_chan_close(wf_chan *c);
/* The number of items in ch's buffer now (Go's len(ch)): a visible
 * operation on a buffered channel, ordered with the sends and receives
 * that change it; 0 for an unbuffered or NULL channel. */
size_t wf_chan_len(wf_chan *c);

/* One case of a select: a send of `value` on `chan` (send = true) or a
 * receive from `chan`, whose result lands in received/ok. A case whose chan
 * is NULL is never ready (Go's nil-channel case). */
typedef struct wf_case {
    wf_chan *chan;
    bool send;
    intptr_t value; /* in */
    intptr_t received;
    bool ok; /* out, for a receive */
} wf_case;
/* Go's select over cases[0..n): if several cases are ready, which one fires
 * is a choice the scheduler explores; if none is ready, returns -1 at once
 * when has_default, and blocks otherwise. Returns the index of the case
 * fired, or -1 for default. */
int wf_select(wf_case *cases, size_t n, bool has_default);

/* ---- locks ------------------------------------------------------------ */

/* sync.Mutex. Unlock of an unlocked mutex panics "sync: unlock of unlocked
 * mutex". A mutex may be unlocked by a task other than its holder, as in
 * Go. By default (--mutex free) an unlocked mutex goes to whichever waiting
 * task the scheduler picks; --mutex fifo hands it to the longest waiter. */
wf_mutex *wf_mutex_new(const char *name);
void wf_mutex_lock(wf_mutex *m);
void wf_mutex_unlock(wf_mutex *m);
/* Take m if it is free; never blocks. */
bool wf_mutex_trylock(wf_mutex *m);

/* sync.RWMutex: many readers or one writer; a writer waiting in Lock blocks
 * new readers (so a recursive RLock can deadlock, as in Go). Panics "sync:
 * Unlock of unlocked RWMutex" and "sync: RUnlock of unlocked RWMutex". */
wf_rwmutex *wf_rwmutex_new(const char *name);
void wf_rwmutex_lock(wf_rwmutex *m);
void wf_rwmutex_unlock(wf_rwmutex *m);
void wf_rwmutex_rlock(wf_rwmutex *m);
void wf_rwmutex_runlock(wf_rwmutex *m);
/* TryLock: take m for writing if nobody holds it; TryRLock: for reading
 * unless a writer holds it or waits in Lock for the readers. Never block. */
bool wf_rwmutex_trylock(wf_rwmutex *m);
bool wf_rwmutex_tryrlock(wf_rwmutex *m);

/* sync.Cond over mutex m (held by the caller of wf_cond_wait). Wait
 * unlocks m, waits for a Signal or Broadcast, then locks m again. Waiters
 * are woken in FIFO order (--cond-order any explores every order);
 * --spurious-wakeups lets Wait return without a signal. */
wf_cond *wf_cond_new(const char *name, wf_mutex *m);
void wf_cond_wait(wf_cond *c);
void wf_cond_signal(wf_cond *c);
void wf_cond_broadcast(wf_cond *c);

/* ---- wait groups, once ------------------------------------------------ */

/* sync.WaitGroup. A negative counter panics "sync: negative WaitGroup
 * counter". */
wf_waitgroup *wf_waitgroup_new(const char *name);
void wf_waitgroup_add(wf_waitgroup *wg, int64_t delta);
void wf_waitgroup_done(wf_waitgroup *wg);
void wf_waitgroup_wait(wf_waitgroup *wg);

/* sync.Once: the first wf_once_do runs fn(arg); concurrent callers wait for
 * it to finish; later calls return at once. */
wf_once *wf_once_new(const char *name);
void wf_once_do(wf_once *o, void (*fn)(void *), void *arg);

/* ---- atomics and tracked shared variables ----------------------------- */

/* A 64-bit atomic, sequentially consistent (sync/atomic). */
wf_atomic *wf_atomic_new(const char *name, int64_t v);
int64_t wf_atomic_load(wf_atomic *a);
void wf_atomic_store(wf_atomic *a, int64_t v);
int64_t wf_atomic_add(wf_atomic *a, int64_t delta); /* returns the new value */
int64_t wf_atomic_swap(wf_atomic *a, int64_t v);    /* returns the old value */
bool wf_atomic_cas(wf_atomic *a, int64_t old, int64_t new_);

/* A shared variable whose reads and writes are checked for data races
 * (Go memory model happens-before). Each access is a visible operation. */
wf_var *wf_var_new(const char *name, intptr_t v);
intptr_t wf_read(wf_var *x);
void wf_write(wf_var *x, intptr_t v);

/* ---- virtual time, progress, assertions, output ---------------------- */

/* Sleep ns nanoseconds of virtual time (time.Sleep): the clock moves only
 * when every task is blocked, to the earliest pending deadline. ns <= 0 is
 * a scheduling point only. */
void wf_sleep(int64_t ns);
/* The virtual clock in nanoseconds since the execution started. */
int64_t wf_now(void);
/* A progress marker (SPIN's progress label) for the livelock check. */
void wf_progress(void);
/* If !cond: an `assert` finding whose message includes msg; the execution
 * ends. */
void wf_assert(bool cond, const char *msg);
/* printf-style program output. It is part of the execution's outcome;
 * output after the scenario (task 0) returns is dropped, as in Go. */
void wf_printf(const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* ---- running --------------------------------------------------------- */

/* The arguments after `--` on a wf_main command line: the scenario's arg. */
typedef struct wf_args {
    int argc;
    char **argv;
} wf_args;

/* The weft command line for one C program:
 *   ./mytest run [--seed N | --schedule S] [--strategy random|pct|rr]
 *   ./mytest explore [--strategy dpor|dfs|random|pct] [--max-executions N]
 *   ./mytest outcomes | replay --schedule S ...   (--help lists all)
 * Runs scenario as task 0 of every execution with a wf_args * argument,
 * prints the program's output and findings (or --json), and returns the
 * exit status: 0 nothing found, 1 a finding of error severity, 2 bad usage,
 * 3 internal error. It does not call exit(). */
int wf_main(int argc, char **argv, void (*scenario)(void *));

typedef enum wf_strategy_kind {
    WF_STRATEGY_RANDOM = 0, /* seeded uniform walk (run's default) */
    WF_STRATEGY_RR,         /* round robin: run a task until it blocks */
    WF_STRATEGY_REPLAY,     /* follow options.schedule */
    WF_STRATEGY_PCT,        /* probabilistic concurrency testing */
    WF_STRATEGY_DFS,        /* exhaustive, no reduction */
    WF_STRATEGY_DPOR        /* exhaustive with partial-order reduction */
} wf_strategy_kind;

/* Options of wf_explore. Start from wf_options_default(). */
typedef struct wf_options {
    wf_strategy_kind strategy;
    uint64_t seed;            /* random, pct: the first execution's seed */
    const char *schedule;     /* replay: the schedule string to follow */
    int64_t max_executions;   /* 0: strategy default (1 for random/rr) */
    int64_t max_steps;        /* per execution; default 1,000,000 */
    int preemptions;          /* bound on preemptive switches; -1: none */
    bool iterative;           /* dpor with no bound: rounds of bound 0, 1,
                                 2 first (shallow bugs first, witnesses
                                 with the fewest preemptions), then an
                                 unbounded round; default true */
    int pct_depth;            /* pct's bug depth d (default 3) */
    double time_limit;        /* seconds of real time; 0: none */
    bool cond_order_any;      /* --cond-order any */
    bool spurious_wakeups;    /* --spurious-wakeups */
    bool mutex_fifo;          /* --mutex fifo */
    bool time_loose;          /* --time loose */
    bool strict;              /* warnings count as errors */
    size_t stack_size;        /* bytes per C task stack; 0: 256 KiB */
    bool checkers_off;        /* no deadlock report, race or lock-order
                                 checking (benchmarks of the engine) */
    int64_t livelock_window;  /* --livelock-window: steps without progress
                                 before a livelock is suspected; default
                                 10000, 0 default, < 0 no livelock check */
    int64_t starvation_bypass; /* --starvation-bypass: grants to others a
                                 waiter may see in a row; default 100, 0
                                 default, < 0 no bypass check */
    int64_t max_memory;       /* --max-memory: bytes an execution may take
                                 (its objects, goroutine stacks and heap)
                                 before it is cut; 0: a quarter of the
                                 RAM, at most 4 GiB */
} wf_options;
wf_options wf_options_default(void);

typedef enum wf_finding_kind {
    WF_DEADLOCK = 0,
    WF_POTENTIAL_DEADLOCK,
    WF_RACE,
    WF_PANIC,
    WF_ASSERT,
    WF_LIVELOCK,
    WF_STARVATION,
    WF_LEAK
} wf_finding_kind;

/* One distinct finding (deduplicated by signature over the executions). */
typedef struct wf_finding {
    wf_finding_kind kind;
    const char *kind_name; /* "deadlock", "race", ... as in SPEC */
    bool error;            /* severity: error (true) or warning */
    const char *message;   /* one line */
    const char *report;    /* the full text report */
    int64_t step;          /* step at which it was detected */
    const char *schedule;  /* replays it: wf_options.schedule */
    int64_t count;         /* executions in which it was found */
    int64_t preemptions;   /* preemptive switches in that schedule */
} wf_finding;

/* One distinct outcome: printed output plus the finding kinds. */
typedef struct wf_outcome {
    const char *output;
    const char *kinds; /* space-separated finding kinds, "" for none */
    int64_t count;
    const char *schedule;
} wf_outcome;

typedef struct wf_result {
    int64_t executions; /* executions run to their end */
    int64_t steps;      /* steps over all executions */
    bool complete;      /* the strategy covered every execution */
    int bound;          /* preemption bound fully explored; -1: none */
    size_t nfindings;
    wf_finding *findings;
    size_t noutcomes;
    wf_outcome *outcomes;
    const char *output; /* the last execution's output */
    const char *error;  /* bad usage or input (status 2), else NULL */
} wf_result;

/* Explore scenario(arg) under opt (NULL: defaults). Fills res (free it
 * with wf_result_free). Returns the exit status wf_main would give: 0, 1
 * (an error finding), 2 (bad options or a replay that diverged: res->error
 * says why). Must not be called from inside a task. */
int wf_explore(void (*scenario)(void *), void *arg, const wf_options *opt,
               wf_result *res);
void wf_result_free(wf_result *res);

/* ---- call sites ------------------------------------------------------ */

/* The _at variants take the call site; the macros below pass it. */
wf_task *wf_go_at(void (*fn)(void *), void *arg, const char *name,
                  const char *file, int line);
void wf_yield_at(const char *file, int line);
wf_chan *wf_chan_new_at(const char *name, size_t cap, const char *file,
                        int line);
void wf_chan_send_at(wf_chan *c, intptr_t v, const char *file, int line);
intptr_t wf_chan_recv_at(wf_chan *c, bool *ok, const char *file, int line);
void wf_chan_close_at(wf_chan *c, const char *file, int line);
size_t wf_chan_len_at(wf_chan *c, const char *file, int line);
int wf_select_at(wf_case *cases, size_t n, bool has_default, const char *file,
                 int line);
wf_mutex *wf_mutex_new_at(const char *name, const char *file, int line);
void wf_mutex_lock_at(wf_mutex *m, const char *file, int line);
void wf_mutex_unlock_at(wf_mutex *m, const char *file, int line);
bool wf_mutex_trylock_at(wf_mutex *m, const char *file, int line);
wf_rwmutex *wf_rwmutex_new_at(const char *name, const char *file, int line);
void wf_rwmutex_lock_at(wf_rwmutex *m, const char *file, int line);
void wf_rwmutex_unlock_at(wf_rwmutex *m, const char *file, int line);
void wf_rwmutex_rlock_at(wf_rwmutex *m, const char *file, int line);
void wf_rwmutex_runlock_at(wf_rwmutex *m, const char *file, int line);
bool wf_rwmutex_trylock_at(wf_rwmutex *m, const char *file, int line);
bool wf_rwmutex_tryrlock_at(wf_rwmutex *m, const char *file, int line);
wf_cond *wf_cond_new_at(const char *name, wf_mutex *m, const char *file,
                        int line);
void wf_cond_wait_at(wf_cond *c, const char *file, int line);
void wf_cond_signal_at(wf_cond *c, const char *file, int line);
void wf_cond_broadcast_at(wf_cond *c, const char *file, int line);
wf_waitgroup *wf_waitgroup_new_at(const char *name, const char *file,
                                  int line);
void wf_waitgroup_add_at(wf_waitgroup *wg, int64_t delta, const char *file,
                         int line);
void wf_waitgroup_done_at(wf_waitgroup *wg, const char *file, int line);
void wf_waitgroup_wait_at(wf_waitgroup *wg, const char *file, int line);
wf_once *wf_once_new_at(const char *name, const char *file, int line);
void wf_once_do_at(wf_once *o, void (*fn)(void *), void *arg,
                   const char *file, int line);
wf_atomic *wf_atomic_new_at(const char *name, int64_t v, const char *file,
                            int line);
int64_t wf_atomic_load_at(wf_atomic *a, const char *file, int line);
void wf_atomic_store_at(wf_atomic *a, int64_t v, const char *file, int line);
int64_t wf_atomic_add_at(wf_atomic *a, int64_t delta, const char *file,
                         int line);
int64_t wf_atomic_swap_at(wf_atomic *a, int64_t v, const char *file,
                          int line);
bool wf_atomic_cas_at(wf_atomic *a, int64_t old, int64_t new_,
                      const char *file, int line);
wf_var *wf_var_new_at(const char *name, intptr_t v, const char *file,
                      int line);
intptr_t wf_read_at(wf_var *x, const char *file, int line);
void wf_write_at(wf_var *x, intptr_t v, const char *file, int line);
void wf_sleep_at(int64_t ns, const char *file, int line);
void wf_progress_at(const char *file, int line);
void wf_assert_at(bool cond, const char *msg, const char *file, int line);
void wf_printf_at(const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void wf_vprintf_at(const char *file, int line, const char *fmt, va_list ap)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 3, 0)))
#endif
    ;

#ifndef WF_NO_SITE_MACROS
#define wf_go(fn, arg, name)  wf_go_at(fn, arg, name, __FILE__, __LINE__)
#define wf_yield()            wf_yield_at(__FILE__, __LINE__)
#define wf_chan_new(n, cap)   wf_chan_new_at(n, cap, __FILE__, __LINE__)
#define wf_chan_send(c, v)    wf_chan_send_at(c, v, __FILE__, __LINE__)
#define wf_chan_recv(c, ok)   wf_chan_recv_at(c, ok, __FILE__, __LINE__)
#define wf_chan_close(c)      wf_chan_close_at(c, __FILE__, __LINE__)
#define wf_chan_len(c)        wf_chan_len_at(c, __FILE__, __LINE__)
#define wf_select(cs, n, d)   wf_select_at(cs, n, d, __FILE__, __LINE__)
#define wf_mutex_new(n)       wf_mutex_new_at(n, __FILE__, __LINE__)
#define wf_mutex_lock(m)      wf_mutex_lock_at(m, __FILE__, __LINE__)
#define wf_mutex_unlock(m)    wf_mutex_unlock_at(m, __FILE__, __LINE__)
#define wf_mutex_trylock(m)   wf_mutex_trylock_at(m, __FILE__, __LINE__)
#define wf_rwmutex_new(n)     wf_rwmutex_new_at(n, __FILE__, __LINE__)
#define wf_rwmutex_lock(m)    wf_rwmutex_lock_at(m, __FILE__, __LINE__)
#define wf_rwmutex_unlock(m)  wf_rwmutex_unlock_at(m, __FILE__, __LINE__)
#define wf_rwmutex_rlock(m)   wf_rwmutex_rlock_at(m, __FILE__, __LINE__)
#define wf_rwmutex_runlock(m) wf_rwmutex_runlock_at(m, __FILE__, __LINE__)
#define wf_rwmutex_trylock(m) wf_rwmutex_trylock_at(m, __FILE__, __LINE__)
#define wf_rwmutex_tryrlock(m) wf_rwmutex_tryrlock_at(m, __FILE__, __LINE__)
#define wf_cond_new(n, m)     wf_cond_new_at(n, m, __FILE__, __LINE__)
#define wf_cond_wait(c)       wf_cond_wait_at(c, __FILE__, __LINE__)
#define wf_cond_signal(c)     wf_cond_signal_at(c, __FILE__, __LINE__)
#define wf_cond_broadcast(c)  wf_cond_broadcast_at(c, __FILE__, __LINE__)
#define wf_waitgroup_new(n)   wf_waitgroup_new_at(n, __FILE__, __LINE__)
#define wf_waitgroup_add(w, d) wf_waitgroup_add_at(w, d, __FILE__, __LINE__)
#define wf_waitgroup_done(w)  wf_waitgroup_done_at(w, __FILE__, __LINE__)
#define wf_waitgroup_wait(w)  wf_waitgroup_wait_at(w, __FILE__, __LINE__)
#define wf_once_new(n)        wf_once_new_at(n, __FILE__, __LINE__)
#define wf_once_do(o, f, a)   wf_once_do_at(o, f, a, __FILE__, __LINE__)
#define wf_atomic_new(n, v)   wf_atomic_new_at(n, v, __FILE__, __LINE__)
#define wf_atomic_load(a)     wf_atomic_load_at(a, __FILE__, __LINE__)
#define wf_atomic_store(a, v) wf_atomic_store_at(a, v, __FILE__, __LINE__)
#define wf_atomic_add(a, d)   wf_atomic_add_at(a, d, __FILE__, __LINE__)
#define wf_atomic_swap(a, v)  wf_atomic_swap_at(a, v, __FILE__, __LINE__)
#define wf_atomic_cas(a, o, n) wf_atomic_cas_at(a, o, n, __FILE__, __LINE__)
#define wf_var_new(n, v)      wf_var_new_at(n, v, __FILE__, __LINE__)
#define wf_read(x)            wf_read_at(x, __FILE__, __LINE__)
#define wf_write(x, v)        wf_write_at(x, v, __FILE__, __LINE__)
#define wf_sleep(ns)          wf_sleep_at(ns, __FILE__, __LINE__)
#define wf_progress()         wf_progress_at(__FILE__, __LINE__)
#define wf_assert(c, msg)     wf_assert_at(c, msg, __FILE__, __LINE__)
#define wf_printf(...)        wf_printf_at(__FILE__, __LINE__, __VA_ARGS__)
#endif

#ifdef __cplusplus
}
#endif
#endif /* WEFT_H */
