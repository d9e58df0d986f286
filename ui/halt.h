/* halt.h: stopping weft from outside (SPEC section 4): SIGINT and
 * SIGTERM, the time limit, and the exit statuses they give.
 *
 * Owns: the halt words (engine.h's HALT_* levels), one per running
 * command or exploration (weft test -j explores several at once, each
 * under its own time limit), in a static pool the signal handler can
 * reach; the SIGINT and SIGTERM handlers; the time-limit timers (one
 * thread each, sleeping until its deadline: no SIGALRM, nothing
 * interrupted in the program or in SQLite). The engine reads its word
 * before every step and the VM at backward jumps and calls, so a stop
 * takes effect within one step of the program, never at the next
 * execution.
 *
 * The signal handler has two modes (STYLE 4: only ui/ ends the process):
 *  - before halt_cooperate(true) (parsing options, compiling), and after
 *    the first signal in any mode: the handler exits at once with
 *    128 + signal (130 for Ctrl-C, 143 for SIGTERM); nothing is lost,
 *    nothing is half written (SQLite's WAL keeps a database whole);
 *  - cooperating (an execution, a search, minimizing, recording, weft
 *    test): the first signal sets every word to HALT_ALL and the command
 *    ends as soon as it can, printing what it found ("interrupted"),
 *    committing every finished run, and returning halt_status().
 * A second signal exits at once (the same signal again within 50 ms is
 * the first delivered twice, as timeout(1) sends it to the command and
 * to its process group, and is ignored). As a last resort, a command
 * that has not ended one second after the first signal (a C task looping
 * without calling weft) is ended by the watchdog with the same status.
 *
 * Invariants: 1. a word only rises while it is in use (NONE, then SEARCH,
 *   then ALL). 2. halt_signal() != 0 implies every word in use is
 *   HALT_ALL, and a word taken afterwards starts there. */
#ifndef WF_HALT_H
#define WF_HALT_H

#include <stdatomic.h>
#include <stdbool.h>

/* Install the SIGINT and SIGTERM handlers (exit-at-once mode). Called
 * once, at the start of main (weft) or wf_main (a C program). */
void halt_install(void);
/* A halt word for one command or exploration (explore_opts.halt; a
 * timer of its own may raise it); give it back with halt_word_free.
 * Thread-safe. */
atomic_int *halt_word_new(void);
void halt_word_free(atomic_int *w);
/* The program has stopped after a signal (a search returned): what is
 * left is weft's own report, so the watchdog, which guards against a
 * program that cannot be stopped, is called off (on a loaded machine its
 * second could pass while the findings are printed, and lose them). A
 * second signal still exits at once. */
void halt_reached(void);
/* Enter (true) or leave (false) the cooperative mode. Nests: each true
 * needs its false. */
void halt_cooperate(bool on);
/* The signal that asked the command to stop (SIGINT, SIGTERM), or 0. */
int halt_signal(void);
/* status, or 128 + the signal when one asked the command to stop: an
 * interrupted command never exits 0 (SPEC section 4). */
int halt_status(int status);

/* A time limit on a halt word: after secs of real time the word rises to
 * HALT_SEARCH (stop searching), and after a grace of 3% of secs + 50 ms
 * for the finishing work (minimizing, confirming, recording the
 * witnesses) to HALT_ALL, so the whole command holds the limit within 5%
 * + 100 ms. */
typedef struct halt_timer halt_timer;
/* Start a timer on word. secs <= 0: none (returns NULL). */
halt_timer *halt_timer_start(atomic_int *word, double secs);
/* Seconds since halt_install (0 before it): a command's time limit
 * counts from its launch, so weft's own start (compiling) is in it. */
double halt_since_launch(void);
/* Whether it fired (the time limit was reached). NULL: false. */
bool halt_timer_fired(const halt_timer *t);
/* Stop and free it (NULL is fine). */
void halt_timer_stop(halt_timer *t);

#endif
