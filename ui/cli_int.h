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

/* Is o's search cut into parts? Only when --shard asks (-j gives work
 * away from the one search: cli_pool). */
bool cli_partitioned(const cli_opts *o, const explore_opts *eo);

/* -j N without --shard: the command's one search (explore_run, its
 * rounds, witnesses and recording as ever) gives work to a pool of
 * engines as it runs (dpor_donate every 64 executions of its own, or at
 * once when dpor_donate_estimate says 64 or more; the
 * gifts give in turn), and merges what they explored, in the order
 * given, before it backtracks into their nodes (dpor_merge; part_join
 * for their findings and outcomes): so the output depends on neither the
 * engines nor the timing. cli_gives: does o's search give (an exhaustive
 * dpor search without a budget or a bound, not recorded execution by
 * execution)? cli_pool_new starts the engines and hooks eo's should_stop
 * (before record_start wraps it); cli_pool_attach gives the command's
 * explorer its dpor; cli_pool_finish, after explore_run, joins the gifts
 * a halt left unmerged, ends the engines and frees the pool: true when
 * work was given (then part_join_finish after the checkers). */
typedef struct cli_pool cli_pool;
bool cli_gives(const cli_opts *o, const explore_opts *eo);
cli_pool *cli_pool_new(const cli_opts *o, const program *p,
                       const cli_progsrc *src, explore_opts *eo);
void cli_pool_attach(cli_pool *pl, explorer *x);
bool cli_pool_finish(cli_pool *pl, explorer *x);

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
