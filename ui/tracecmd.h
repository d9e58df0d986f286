/* tracecmd.h: the weft commands over a trace database (SPEC sections 4
 * and 9): `weft list DB` and `weft replay DB --run ID [--finding K]`.
 * Owns: nothing beyond a call. */
#ifndef WF_TRACECMD_H
#define WF_TRACECMD_H

#include "cli.h"

/* `weft list DB [--json]`; returns the exit status. */
int tracecmd_list(const cli_opts *o);
/* `weft replay DB --run-id ID [--finding K]` and `weft replay FILE
 * --schedule S` (a Go file through gocmd, a C program run as `PROG replay
 * ...`); returns the exit status. */
int tracecmd_replay(const cli_opts *o);

/* Replay run run_id of database db with program p, comparing event by
 * event, as `weft replay DB --run ID` does for a C program (which runs
 * `PROG replay --schedule S --db DB --compare-run ID`). The seam for the
 * Go front end: it builds p for a recorded .go file and calls this. o
 * gives the output options (--json, --quiet, --strict). */
int tracecmd_replay_program(const cli_opts *o, const program *p, const char *db,
                            int64_t run_id, const char *schedule);

/* path is an SQLite file (a trace database, or not yet one). */
bool tracecmd_is_db(const char *path);

#endif
