/* reportcmd.h: `weft report DB --html FILE [--run-id ID] [--finding K]`:
 * a recorded run drawn as a self-contained HTML page (ui/html.h).
 * Owns: nothing beyond a call. */
#ifndef WF_REPORTCMD_H
#define WF_REPORTCMD_H

#include "ui/cli.h"

/* Write the page of run run_id of database db (0: the run weft view
 * would open; a summary run: the witness of its finding k, or its first)
 * to path. WF_ERR_INPUT with d set for a bad database or run, or a file
 * that cannot be written. */
wf_status reportcmd_html(const char *db, int64_t run_id, int64_t k,
                         const char *path, int64_t *shown, wf_diag *d);
/* The command; returns the exit status (0, or 2 with a message). */
int reportcmd_exec(const cli_opts *o);

#endif
