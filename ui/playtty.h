/* playtty.h: `weft play FILE [options]` (SPEC section 4): the person is
 * the scheduler, in the viewer's lanes, with undo, hints and goals (the
 * game: ui/play.h; the screen: ui/playdraw.h; the terminal: ui/view.h).
 * Owns: the terminal while it runs, and a temporary directory for the
 * lanes' database, removed at the end.
 *
 * Headless options for tests (no terminal needed):
 *   --keys STR   press these keys (<left> <right> <up> <down> <enter>
 *                <tab> <pgup> <pgdn>, <click:X,Y>), then stop
 *   --dump       print the last frame as text
 *   --size WxH   the frame's size for those (default 80x24)
 *   --ascii      ASCII glyphs only (also on a terminal) */
#ifndef WF_PLAYTTY_H
#define WF_PLAYTTY_H

#include "ui/cli.h"

/* Play o->file with o's options (parsed by cli_parse). Returns the exit
 * status: 0; 2 for bad usage or input (a message on stderr); 128+N after
 * signal N. */
int play_exec(const cli_opts *o);

#endif
