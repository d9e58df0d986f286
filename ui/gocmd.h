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
/* `weft COMMAND FILE.go ...` from argv (argv[1] is the command). Returns
 * the exit status; compile errors print "weft: FILE:L:C: error: ..." and
 * give 2. */
int gocmd_main(int argc, char **argv);
/* Run command o->cmd on scenario file o->file. */
int gocmd_exec(const cli_opts *o);
/* Replay run run_id of database db, recorded from scenario file `file`
 * with schedule sched (weft replay DB --run ID): the source the run kept
 * (src[0, len), borrowed; NULL: none) unless o->use_file, else the file on
 * disk, saying so when its SHA-256 differs from the recorded sha. */
int gocmd_replay_db(const cli_opts *o, const char *file, const char *db,
                    int64_t run_id, const char *sched, const char *src,
                    size_t len, const char *sha);

#endif
