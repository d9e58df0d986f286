/* playdraw.h: the screen of `weft play` as a grid of cells, and what keys
 * and clicks do to the game. No ncurses here (ui/playtty.c copies the
 * grid to the terminal), so tests render and drive the same frames.
 *
 * Screen (w x h, at least PLAYDRAW_MIN_W x PLAYDRAW_MIN_H): the viewer's
 * lanes (ui/viewdraw.c) over the live execution, drawn into the top
 * h-4 rows with their State/Findings/Metrics pane, then
 *   row h-7  next: each task's next operation in its lane, the digit
 *            that runs it; the selected alternative highlighted
 *   row h-6  each task's source line number and state
 *   row h-5  the selected alternative in words with its source line (an
 *            inner choice lists its alternatives), or how it ended
 *   row h-4  hint: the nearest goal or bug from here
 *   row h-3  hint: what the continuations print; starvation
 *   row h-2  the goal: what it is, reached or not, against the fewest
 *   row h-1  a message, or the keys (clickable)
 *
 * Owns: the viewer model of the display database, the viewer's ui state,
 * the selection, the message, the replay lines saved. Borrows the game. */
#ifndef WF_PLAYDRAW_H
#define WF_PLAYDRAW_H

#include "ui/play.h"
#include "ui/viewdraw.h"

#define PLAYDRAW_MIN_W 60
#define PLAYDRAW_MIN_H 16

/* Keys besides characters (ui/playtty.c maps the terminal's to these). */
enum {
    PK_LEFT = 0x110000,
    PK_RIGHT,
    PK_UP,
    PK_DOWN,
    PK_PGUP,
    PK_PGDN,
    PK_HOME,
    PK_END,
    PK_ENTER,
    PK_BTAB
};

typedef struct playdraw_hot {
    int x0, x1; /* columns [x0, x1) of the key bar */
    int key;
} playdraw_hot;

typedef struct playdraw {
    play_game *g;
    viewmodel *m; /* the display database, read-only */
    viewdraw_ui u;
    viewdraw_grid sub; /* the lanes' part of the frame */
    int sel;           /* the selected alternative */
    bool follow;       /* the cursor stays on the last event */
    bool help;
    char msg[512];
    char shown[512];       /* the message before the current key (for undo) */
    const char *save_path; /* where s appends replay lines */
    VEC(char *) saved;     /* the lines saved (printed at the end) */
    /* the last frame, for clicks */
    int w, h;
    viewdraw_layout l;
    playdraw_hot hot[12];
    int nhot;
} playdraw;

/* Open the display database of game g (written by it) and show its state.
 * WF_ERR_INPUT with d set when the database cannot be read. */
wf_status playdraw_init(playdraw *p, play_game *g, const char *save_path,
                        wf_diag *d);
void playdraw_fini(playdraw *p);
/* Render the screen into out (its size is the screen's). */
void playdraw_frame(viewdraw_grid *out, playdraw *p);
/* A key: false to quit. */
bool playdraw_key(playdraw *p, int key);
/* A click (button 1) at column x, row y of the last frame. */
void playdraw_click(playdraw *p, int x, int y);
/* Mouse wheel: dir < 0 up. */
void playdraw_wheel(playdraw *p, int x, int dir);

#endif
