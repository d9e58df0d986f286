/* cli_int.h: what cli.c (a command's run and summary) and cli_parts.c
 * (-j N and --shard I/N, the search in parts) share. Not for other
 * modules: cli.h is the interface. */
#ifndef WF_CLI_INT_H
#define WF_CLI_INT_H

#include "checker/checkers.h"
#include "cli.h"
#include "sim/partition.h"

/* The checkers of command o (every one, with its liveness options). */
checkers *cli_new_checkers(const cli_opts *o);

/* Free planning's state; a planning search a halt stopped
 * (part_plan.halted) is left to the process's exit under
 * cli_exit_soon, as the last explorer is. */
void cli_plan_done(part_plan *pl);

/* Is o's search cut into parts? Only when -j or --shard asks, so a
 * plain explore stays the one search. */
bool cli_partitioned(const cli_opts *o, const explore_opts *eo);

/* Plan the search of p under eo, run the parts of this shard (all without
 * --shard) with -j engines, and join them in part order into *out (an
 * explorer that never ran: explore_new). *plan_id, *nparts, *nmine: for
 * the summary line. */
wf_status cli_run_parts(const cli_opts *o, const program *p,
                        const cli_progsrc *src, const explore_opts *eo,
                        explorer **out, uint32_t *plan_id, size_t *nparts,
                        size_t *nmine, buf *shard_plan, buf *shard_parts,
                        wf_diag *d);

#endif
