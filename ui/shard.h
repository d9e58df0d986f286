/* shard.h: --shard I/N's record and `weft merge OUT.db SHARD.db...`.
 * A shard keeps, with its summary run, each of its parts' results as JSON
 * (every field the join needs: counters, findings with their signature
 * and witness, outcomes); merge reads every shard's, checks they are the
 * shards of one search (same plan, each of 1/N .. N/N once, the program
 * unchanged), joins the parts in part order as the unsharded search does
 * (sim/partition.h) and records the result (summary, witness runs,
 * outcomes) as that search records it.
 * Owns: nothing beyond a call. */
#ifndef WF_SHARD_H
#define WF_SHARD_H

#include "ui/cli.h"

/* Append part k's result y (a finished search) as a JSON object. */
void shard_part_json(buf *out, const explorer *y, size_t k);
/* `weft merge OUT.db SHARD.db...` (o->file: OUT, o->paths: the shards);
 * returns the exit status of the joined search (0, 1), or 2. */
int shard_merge_exec(const cli_opts *o);
/* The same for the shards of program p, a C program (weft cc or the C
 * API) merging its own: `./prog merge OUT.db SHARD.db...` (weft merge
 * compiles a Go file again; it cannot build a C one). */
int shard_merge_program(const cli_opts *o, const program *p);

#endif
