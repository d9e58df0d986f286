/* view.h: `weft view DB [--run-id ID] [--finding K]`, the terminal viewer of
 * a trace database (SPEC section 8), with ncurses.
 * Owns: the terminal while it runs; restores it on every way out (quit,
 * a signal, an internal error's exit).
 *
 * Headless options for tests and `make bench` (no terminal needed):
 *   --first-screen-ms  render the first frame into a grid, print the time
 *                      from the start of the command to it, exit
 *   --dump             print that frame as text
 *   --size WxH         the grid's size for those (default 80x24)
 *   --keys STR         press these keys first (headless)
 *   --ascii            ASCII glyphs only (also on a terminal) */
#ifndef WF_VIEW_H
#define WF_VIEW_H

#include "ui/cli.h"

/* Open database o->file. Returns the exit status: 0, or 2 for bad usage
 * or input (a message on stderr, the terminal restored). */
int view_exec(const cli_opts *o);

/* The terminal, for the viewer and for screens built on it (weft play):
 * open takes it (ncurses: keys, the mouse, colours; the terminal is
 * restored on every way out, a signal included) or prints why it cannot
 * ("weft: CMD: error: ...") and returns NULL. draw copies a grid to the
 * screen. signal: the signal that asked to stop (SIGINT, SIGTERM, SIGHUP,
 * SIGQUIT), 0 when none. Keys are read with ncurses' getch. */
typedef struct view_term view_term;
typedef struct viewdraw_grid viewdraw_grid;
view_term *view_term_open(const char *cmd);
void view_term_draw(view_term *t, const viewdraw_grid *g);
int view_term_signal(void);
void view_term_close(view_term *t);

#endif
