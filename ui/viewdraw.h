/* viewdraw.h: the viewer's screen as a grid of cells, and what the keys
 * do to it (SPEC section 8). No ncurses here: ui/view.c copies the grid
 * to the terminal and turns keys into these calls, and tests and the
 * headless first-screen measure render the same frames.
 *
 * Owns: a grid's cells (viewdraw_grid_resize/_fini), a viewdraw_ui's
 * strings and run list (viewdraw_ui_init/_fini). Borrows the model for
 * each call.
 *
 * Screen (w x h, at least VIEWDRAW_MIN_W x VIEWDRAW_MIN_H):
 *   row 0        title: database, run, verdict, step, event
 *   row 1        lane names | pane tabs (State, Findings, Metrics)
 *   rows 2..h-4  one event a row, one lane a task | the pane
 *   row h-3      the current event in words
 *   row h-2      its source line (file:line: text)
 *   row h-1      keys, a message, or the search prompt
 * The cursor row is always visible; lanes that do not fit scroll
 * sideways and follow the cursor's task.
 *
 * Rendering is deterministic: tasks by tid, objects by oid, findings by
 * k; nothing depends on time but the play flag. */
#ifndef WF_VIEWDRAW_H
#define WF_VIEWDRAW_H

#include "ui/viewmodel.h"

#define VIEWDRAW_MIN_W 60
#define VIEWDRAW_MIN_H 12

/* What a cell shows; ui/view.c maps each to colours or, without colours,
 * to bold/reverse/underline. */
typedef enum viewdraw_attr {
    VA_NORMAL,
    VA_TITLE,   /* the title bar */
    VA_HEADER,  /* lane names, section heads */
    VA_DIM,     /* repeated step numbers, hints */
    VA_CURSOR,  /* the current row */
    VA_LIFE,    /* a task's lifeline */
    VA_EVENT,   /* an event marker and text */
    VA_BLOCKED, /* a blocked span, block events */
    VA_FINDING, /* a finding's step and text */
    VA_RACE,    /* the accesses of the selected race */
    VA_SEL,     /* the selected tab or list item */
    VA_BAR,     /* metric bars */
    VA_OK,      /* positive state (free mutex, done task) */
    VA_KEY,     /* key names in the help */
    VA__COUNT
} viewdraw_attr;

typedef struct viewdraw_cell {
    uint32_t ch; /* a code point; 0 is blank */
    uint8_t attr;
} viewdraw_cell;

typedef struct viewdraw_grid {
    int w, h;
    bool unicode; /* box drawing and block glyphs; else ASCII only */
    viewdraw_cell *c;
} viewdraw_grid;

void viewdraw_grid_init(viewdraw_grid *g, bool unicode);
void viewdraw_grid_resize(viewdraw_grid *g, int w, int h);
void viewdraw_grid_fini(viewdraw_grid *g);
/* The text of row y as UTF-8 (trailing blanks kept), into out. */
void viewdraw_grid_row(const viewdraw_grid *g, int y, buf *out);

typedef enum viewdraw_pane {
    VIEWDRAW_STATE,
    VIEWDRAW_FINDINGS,
    VIEWDRAW_METRICS,
    VIEWDRAW_PANES
} viewdraw_pane;

typedef enum viewdraw_overlay {
    VIEWDRAW_NONE,
    VIEWDRAW_HELP,
    VIEWDRAW_RUNS,
    VIEWDRAW_SEARCH /* the prompt on the last row */
} viewdraw_overlay;

typedef struct viewdraw_run_item {
    int64_t id;
    char *text; /* one line: id, role, command, file, steps, verdict */
} viewdraw_run_item;

/* Where things go on a w x h screen (viewdraw_layout). */
typedef struct viewdraw_layout {
    int pane_x, pane_w;   /* the pane, right of a separator column */
    int step_w;           /* the step column */
    int lanes_x, lane_w;  /* first lane's column, each lane's width */
    int nlanes;           /* lanes that fit */
    int rows_y, rows;     /* the event rows */
} viewdraw_layout;

/* The viewer's state besides the model. */
typedef struct viewdraw_ui {
    int64_t cur;       /* the current event (seq) */
    int64_t top;       /* the event on the first row */
    int32_t lane0;     /* tid of the first lane shown */
    int pane;          /* viewdraw_pane */
    int pane_scroll;   /* lines of the pane scrolled off */
    int finding;       /* selected finding (index), -1 */
    bool playing;
    int play_ms;       /* between steps while playing */
    int overlay;       /* viewdraw_overlay */
    buf search;        /* the prompt's text */
    buf last_search;
    char msg[256];     /* a message for the last row, until the next key */
    VEC(viewdraw_run_item) runs; /* the run chooser */
    int run_sel, run_top;
    bool runs_all;     /* every run is in the list */
} viewdraw_ui;

void viewdraw_ui_init(viewdraw_ui *u);
void viewdraw_ui_fini(viewdraw_ui *u);

/* The layout of a w x h screen for ntasks lanes and steps up to
 * max_step. Pure. */
void viewdraw_layout_of(int w, int h, int32_t ntasks, int64_t max_step,
                        viewdraw_layout *l);
/* An event in words: short for a lane cell ("lock forks[1]"), long for
 * the detail row ("g3 phil: lock forks[1]"). Into out (reset first). */
void viewdraw_event_text(const viewmodel *m, const wf_event *e, bool long_form,
                         buf *out);
/* Virtual time in Go's Duration style: "0s", "1.5ms", "2s". */
void viewdraw_duration(int64_t ns, char *out, size_t n);

/* Render the whole screen into g. */
void viewdraw_frame(viewdraw_grid *g, viewmodel *m, viewdraw_ui *u);

/* For screens built on this one (weft play): s at (x, y) in at most w
 * columns, an ellipsis when cut (returns the columns drawn); w blanks;
 * one cell; a framed box with a title. Outside the grid draws nothing. */
int viewdraw_text(viewdraw_grid *g, int x, int y, const char *s, int w,
                  int attr);
void viewdraw_fill(viewdraw_grid *g, int x, int y, int w, int attr);
void viewdraw_put(viewdraw_grid *g, int x, int y, uint32_t ch, int attr);
void viewdraw_box(viewdraw_grid *g, int x, int y, int w, int h,
                  const char *title);

/* ---- what keys do (ui/view.c maps keys to these) -------------------------
 */

/* Move the cursor to seq (clamped), keeping it on screen (rows: event
 * rows shown) and, with follow, its task's lane visible (nlanes shown). */
void viewdraw_goto(viewdraw_ui *u, viewmodel *m, int64_t seq, int rows,
                   int nlanes, bool follow);
/* The next (dir 1) or previous (-1) finding: selects it, shows the
 * Findings pane and moves to its step. */
void viewdraw_next_finding(viewdraw_ui *u, viewmodel *m, int dir, int rows,
                           int nlanes);
/* Search for u->search (or the last search when empty) from the cursor. */
void viewdraw_search(viewdraw_ui *u, viewmodel *m, int rows, int nlanes);
/* Fill the run chooser from the database (more: the next page). */
void viewdraw_runs_load(viewdraw_ui *u, viewmodel *m, bool more);
/* The row of the screen that shows event seq, -1 when not shown. */
int viewdraw_row_of(const viewdraw_ui *u, int64_t seq,
                    const viewdraw_layout *l);

#endif
