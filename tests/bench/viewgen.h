/* viewgen.h: a generated trace database for the viewer's tests and
 * bench: one run of n events over ntasks tasks and a few objects of each
 * kind, written with direct inserts into a database whose schema
 * trace_open made. Deterministic (a fixed LCG). Two events a step for
 * one step in eight (an op and its block), a deadlock finding at the last
 * step with the checkers' JSON. Included by tests/unit/test_view.c and
 * tests/bench/bench_view.c. */
#ifndef WF_VIEWGEN_H
#define WF_VIEWGEN_H

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "sim/trace.h"

/* Objects: 0..3 mutexes, 4..5 channels (cap 4), 6..7 vars, 8 a wait
 * group, 9 an atomic. */
#define VIEWGEN_NOBJS 10

static int viewgen_exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* Write the database at path (removed first). Returns 0 or -1. */
static int viewgen_write(const char *path, int64_t n, int ntasks)
{
    static const char *const kinds[VIEWGEN_NOBJS] = {
        "mutex", "mutex", "mutex", "mutex", "chan",
        "chan",  "var",   "var",   "waitgroup", "atomic"};
    trace *t;
    wf_diag d;
    sqlite3 *db;
    sqlite3_stmt *ev;
    uint64_t rng = 42;
    char sql[2048];
    int64_t step = 1;
    int rc = 0;
    remove(path);
    if (trace_open(&t, path, TRACE_WRITE, 1000, &d) != WF_OK) return -1;
    trace_close(t);
    if (sqlite3_open(path, &db) != SQLITE_OK) return -1;
    viewgen_exec(db, "PRAGMA synchronous=OFF");
    viewgen_exec(db, "BEGIN");
    snprintf(sql, sizeof sql,
             "INSERT INTO runs(id, file, command, strategy, seed, schedule, "
             "steps, verdict, role, status, end_reason, nevents) VALUES (1, "
             "'gen.c', 'run', 'random', 0, 's', %lld, 'deadlock', "
             "'execution', 1, 'deadlock', %lld)",
             (long long)(n / 8 * 7 + n % 8), (long long)n);
    rc |= viewgen_exec(db, sql);
    for (int i = 0; i < ntasks; i++) {
        if (i)
            snprintf(sql, sizeof sql,
                     "INSERT INTO tasks VALUES (1, %d, 'g%d worker', "
                     "'worker', 0, 0, NULL, 'blocked')",
                     i, i);
        else
            snprintf(sql, sizeof sql,
                     "INSERT INTO tasks VALUES (1, 0, 'main', 'main', NULL, "
                     "0, NULL, 'blocked')");
        rc |= viewgen_exec(db, sql);
    }
    for (int o = 0; o < VIEWGEN_NOBJS; o++) {
        snprintf(sql, sizeof sql,
                 "INSERT INTO objects VALUES (1, %d, '%s', '%s%d', %s, "
                 "'gen.c', %d)",
                 o, kinds[o], kinds[o], o, o == 4 || o == 5 ? "4" : "NULL",
                 o + 1);
        rc |= viewgen_exec(db, sql);
    }
    rc |= viewgen_exec(db, "INSERT INTO files VALUES (1, 0, 'gen.c')");
    rc |= sqlite3_prepare_v2(db,
                             "INSERT INTO events(run_id, step, seq, tid, op, "
                             "oid, value, clock, line, fid, flags, peer, aux) "
                             "VALUES (1,?,?,?,?,?,?,?,?,0,0,?,?)",
                             -1, &ev, NULL) != SQLITE_OK;
    for (int64_t seq = 0; seq < n && !rc; seq++) {
        static const char *const ops[] = {"lock",  "unlock", "send", "recv",
                                           "write", "read",   "wg_add",
                                           "atomic"};
        int k, tid, oid, peer = -1;
        const char *opn;
        rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
        k = (int)(rng >> 33) % 8;
        tid = seq < (int64_t)ntasks - 1 ? 0 : (int)((rng >> 40) % (uint64_t)ntasks);
        opn = ops[k];
        oid = k < 2 ? (int)(rng >> 50) % 4
              : k < 4 ? 4 + (int)(rng >> 50) % 2
              : k < 6 ? 6 + (int)(rng >> 50) % 2
              : k == 6 ? 8 : 9;
        if (seq < (int64_t)ntasks - 1) { /* main spawns the workers */
            opn = "spawn";
            oid = -1;
            peer = (int)seq + 1;
        } else if (seq % 8 == 7) { /* the op before blocks its task */
            opn = "block";
            oid = (int)(rng >> 50) % 4;
            peer = (tid + 1) % ntasks;
        }
        sqlite3_bind_int64(ev, 1, step);
        sqlite3_bind_int64(ev, 2, seq);
        sqlite3_bind_int(ev, 3, tid);
        sqlite3_bind_text(ev, 4, opn, -1, SQLITE_STATIC);
        if (oid >= 0)
            sqlite3_bind_int(ev, 5, oid);
        else
            sqlite3_bind_null(ev, 5);
        sqlite3_bind_int64(ev, 6, (int64_t)(rng >> 56));
        sqlite3_bind_int64(ev, 7, step * 1000);
        sqlite3_bind_int(ev, 8, (int)(seq % 50) + 1);
        if (peer >= 0)
            sqlite3_bind_int(ev, 9, peer);
        else
            sqlite3_bind_null(ev, 9);
        sqlite3_bind_int64(ev, 10, (int64_t)(rng >> 60));
        if (sqlite3_step(ev) != SQLITE_DONE) rc = -1;
        sqlite3_reset(ev);
        if (seq % 8 != 6) step++; /* an op and its block share a step */
    }
    sqlite3_finalize(ev);
    snprintf(sql, sizeof sql,
             "INSERT INTO findings(run_id, k, kind, severity, step, message, "
             "detail_json, schedule, count) VALUES (1, 1, 'deadlock', "
             "'error', %lld, 'all goroutines are asleep', '{\"partial\": "
             "false, \"coffman\": {\"mutual_exclusion\": \"m\", "
             "\"hold_and_wait\": \"h\", \"no_preemption\": \"n\", "
             "\"circular_wait\": \"g1 -> g2 -> g1\", \"cycle\": [1, 2]}}', "
             "'s', 1)",
             (long long)(step - 1));
    rc |= viewgen_exec(db, sql);
    for (int i = 0; i < ntasks; i++) {
        snprintf(sql, sizeof sql,
                 "INSERT INTO metrics VALUES (1, %d, 'steps', %d), (1, %d, "
                 "'waits', %d)",
                 i, 10 + i, i, i * 2);
        rc |= viewgen_exec(db, sql);
    }
    rc |= viewgen_exec(db, "COMMIT");
    sqlite3_close(db);
    return rc ? -1 : 0;
}

#endif
