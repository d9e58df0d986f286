/* play.h: `weft play FILE`, the game without the terminal: a person is the
 * scheduler of a live execution (SPEC section 4), as in The Deadlock
 * Empire, on their own program.
 *
 * The game keeps the *prefix*: the choices played so far (those with two
 * or more alternatives, as a schedule lists them). The state shown is
 * the prefix re-executed from scratch (the engine is deterministic): a
 * strategy takes the prefix's choices and stops at the next choice, the
 * *frontier*, where it records each task's next operation. Undo is a
 * shorter prefix re-executed; `a` runs on without preemptions.
 *
 * Hints come from exploring the continuations of the prefix with the
 * reduction (explore_opts.prefix, dpor): rounds of 0, 1 and 2 preemptions
 * after the prefix, then an unbounded one, within a budget of steps
 * (never of time, so a screen is a function of the prefix).
 *
 * Goals are `// play: KIND` (a finding kind: deadlock, race, panic, ...)
 * or `// play: outcome "GO STRING"` (the output when main returns) among
 * the comments at the top of the file.
 *
 * Every execution is written to a trace database (a temporary file the
 * caller names) that the viewer's lanes read; with a session database
 * (--db) each finished execution and the last one are kept there.
 *
 * Owns: the engine, the prefix and undo marks, the state at the frontier,
 * the hints of each prefix on the undo stack, the trace handles.
 * Borrows: the program (and the vm_program behind it) for its lifetime.
 *
 * Invariants (play_check): 1. marks are ascending and each <= prefix.len.
 *   2. at.nchoices == prefix.len unless the prefix no longer fits
 *   (at.error).  3. hints.len == hint_keys.len <= PLAY_HINT_CACHE. */
#ifndef WF_PLAY_H
#define WF_PLAY_H

#include "checker/checkers.h"
#include "sim/explore.h"
#include "sim/trace.h"

/* ---- goals --------------------------------------------------------------- */

typedef enum play_goal_kind {
    PLAY_GOAL_NONE,
    PLAY_GOAL_FINDING, /* an execution holding a finding of this kind */
    PLAY_GOAL_OUTCOME  /* main returns having printed exactly this */
} play_goal_kind;

typedef struct play_goal {
    uint8_t kind;    /* play_goal_kind */
    uint8_t finding; /* wf_finding_kind, for PLAY_GOAL_FINDING */
    char *output;    /* PLAY_GOAL_OUTCOME: the output, decoded */
    size_t output_len;
} play_goal;

/* Read the goal of file path from src[0, len): the `// play:` line among
 * its leading comments (none: PLAY_GOAL_NONE). A malformed line is an
 * error at its file:line:col. */
wf_status play_goal_read(const char *path, const unsigned char *src, size_t len,
                         play_goal *g, wf_diag *d);
void play_goal_fini(play_goal *g);
/* "deadlock", "outcome \"1\\n\"" (a Go string), into out. */
void play_goal_text(const play_goal *g, buf *out);

/* s as a Go string literal ("1\n" -> "\"1\\n\""), at most max bytes of
 * it (then "..." after the quote). */
void play_quote(buf *out, const char *s, size_t max);

/* ---- the state at the frontier ------------------------------------------ */

typedef struct play_task {
    int32_t tid;
    char *name;    /* "g1 add", "main" */
    uint8_t state; /* task_state */
    char *op;      /* the next operation, short: "lock f1", "exit" */
    char *file;    /* its call site, or NULL */
    int32_t line;
} play_task;

/* One alternative of the pending choice. */
typedef struct play_alt {
    int32_t value; /* the engine's alternative: a tid, a case index, ... */
    char *label;   /* "g2 add", "case 1: recv ch", "wake g3" */
} play_alt;

typedef struct play_at {
    size_t nchoices; /* choices taken: the prefix's length */
    bool over;       /* the execution ended */
    uint8_t end;     /* exec_end, when over */
    uint8_t kind;    /* choice_kind of the pending choice */
    int32_t chooser; /* inner choice: the task making it, else -1 */
    VEC(play_alt) alts;
    VEC(play_task) tasks; /* by tid */
    char *output;
    uint64_t step;
    uint32_t preempts;      /* preemptions taken so far */
    int32_t last_tid;       /* the task of the last step, -1 */
    int64_t main_done_step; /* -1: main has not returned */
    VEC(char *) findings;   /* "deadlock: all goroutines are asleep" */
    uint32_t kinds;         /* bit k: a finding of kind k */
    bool goal;              /* the goal is reached */
    uint64_t goal_step;
    uint32_t goal_preempts; /* preemptions up to goal_step */
    char *schedule;         /* the prefix as a schedule string */
    int64_t run_id;         /* its run in the display database */
    char *error;            /* the prefix no longer fits (NULL: fine) */
} play_at;

/* ---- hints --------------------------------------------------------------- */

typedef struct play_hints {
    size_t nchoices; /* the prefix they are for */
    bool complete;   /* every continuation was explored */
    int64_t executions;
    /* the nearest target (the goal, or else the nearest error finding):
     * fewest preemptions after the prefix, then fewest steps */
    bool found;
    char *what;     /* "deadlock", "the goal", ... */
    uint32_t extra; /* preemptions it takes from here */
    uint64_t steps; /* steps from here to it */
    char *path;     /* its execution's schedule (the whole of it) */
    /* the fewest steps and preemptions to the goal (from the start when
     * nchoices is 0) */
    bool goal_seen;
    uint64_t goal_min_steps;
    uint32_t goal_min_preempts;
    /* the outputs of the continuations, distinct, sorted */
    VEC(char *) outputs;
    uint64_t starve_mask; /* tids that can be passed over (bypassed) */
    uint32_t starve_max;  /* ... the longest run of bypasses seen */
    uint64_t stuck_mask;  /* tids that can be left blocked forever */
    char *line1, *line2;  /* the two hint lines, in words */
} play_hints;

void play_hints_fini(play_hints *h);

/* ---- the game ------------------------------------------------------------ */

typedef struct play_opts {
    bool cond_any, spurious, mutex_fifo, time_loose;
    uint64_t max_steps;       /* 0: 1,000,000 */
    uint64_t max_memory;      /* per execution (engine_config); 0: none */
    int64_t hint_budget;      /* steps the hint search may take in all
                                 (its rounds); 0: no hints */
    const char *display_db;   /* the lanes' database (created) */
    const char *session_db;   /* --db, or NULL */
    const char *command_line; /* "weft play FILE": replay lines start so */
} play_opts;

typedef struct play_mark {
    size_t len; /* prefix length before the action */
    int sel;    /* the selection there */
    char *msg;  /* the message shown there */
} play_mark;

typedef struct play_game {
    program prog;
    play_goal goal;
    play_opts o;
    wf_engine *e;
    VEC(choice) prefix;
    VEC(play_mark) marks; /* undo points */
    play_at at;
    VEC(play_hints) hints; /* cached for the prefixes met, oldest first */
    VEC(char *) hint_keys; /* ... the schedule string of each prefix */
    trace *disp;           /* the display database */
    trace *sess;           /* the session database, or NULL */
    VEC(char *) recorded;  /* schedules written to the session */
    bool goal_min_known;   /* the goal's minimum, from the start */
    uint64_t goal_min_steps;
    uint32_t goal_min_preempts;
    int64_t sess_runs; /* runs written there */
    /* the live execution's strategy state */
    size_t pos;            /* choices taken in this execution */
    bool stop_at_frontier; /* else run on without preemptions */
    bool auto_rest;
    VEC(uint64_t) pre_steps; /* steps at which a preemption happened */
} play_game;

/* Start a game on p (borrowed) with goal g (moved into the game). Opens
 * the display database (and the session one) and plays to the first
 * choice. WF_ERR_INPUT with d set when a database cannot be opened. */
wf_status play_new(play_game **out, const program *p, play_goal *g,
                   const play_opts *o, wf_diag *d);
/* Write the last state to the session database, close, free. */
void play_free(play_game *g);

/* Take alternative i of the pending choice (0 <= i < at.alts.len);
 * false when the execution is over or i is out of range. */
bool play_choose(play_game *g, int i);
/* Back to before the last action: false when there is none. Restores
 * the selection and message of then into *sel and *msg (owned by the
 * caller afterwards; NULL when none). */
bool play_undo(play_game *g, int *sel, char **msg);
/* Remember sel and msg with the next action (for undo). */
void play_mark_now(play_game *g, int sel, const char *msg);
/* Let the scheduler run to the end without preempting (round robin):
 * one action; false when already over. */
bool play_auto(play_game *g);
/* The hints for the current prefix (computed on first use, cached). */
const play_hints *play_hints_now(play_game *g);
/* The alternative the nearest target's path takes next, or -1. */
int play_hint_alt(play_game *g);
/* The replay line of the execution so far; when it is not over, the rest
 * run without preemptions, and *completed says so. Into out. */
void play_replay_line(play_game *g, buf *out, bool *completed);
/* Write the current execution to the session database (if any) unless
 * its schedule is already there. */
wf_status play_record(play_game *g, wf_diag *d);
/* The fewest steps and preemptions an explored execution took to the goal
 * (searched from the start by play_new): false when none reached it. */
bool play_goal_min(play_game *g, uint64_t *steps, uint32_t *preempts);

bool play_check(const play_game *g);

#endif
