/* gocmd.h: the weft commands on scenario files (SPEC section 4): `weft
 * run|explore|outcomes|replay FILE.go [options]` compile the file with
 * the Go front end (sim/lang/vm.h) and run it through cli_execute; a .go
 * run recorded in a trace database replays through
 * tracecmd_replay_program.
 * Owns: nothing beyond a call. */
#ifndef WF_GOCMD_H
#define WF_GOCMD_H

#include "cli.h"

/* Does path name a scenario file (".go")? */
bool gocmd_is_go(const char *path);
/* Run command o->cmd (run, explore, outcomes, replay) on scenario file
 * o->file. Returns the exit status; compile errors print "weft:
 * FILE:L:C: error: ..." and give 2. */
int gocmd_exec(const cli_opts *o);
/* Replay run run_id of database db, recorded from scenario file `file`
 * with schedule sched (weft replay DB --run ID). */
int gocmd_replay_db(const cli_opts *o, const char *file, const char *db,
                    int64_t run_id, const char *sched);

#endif
