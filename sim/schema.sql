-- schema.sql: the weft trace database, schema version 3 (SPEC section 9).
-- sim/trace.c embeds this file (the Makefile turns it into a C string)
-- and runs it once on a new database, then sets PRAGMA user_version = 3
-- and PRAGMA application_id = 0x77656674 ('weft'). A database of another
-- version is refused, never migrated by guess.
--
-- Ids: a run id is the runs rowid; tid, oid and step are the engine's
-- (spawn order, creation order, step counter), so every value but
-- runs.created_at is deterministic. Strings are UTF-8 as the program gave
-- them. No foreign keys are declared (SQLite would check them per row);
-- the references are stated in the comments.

-- One row per recorded execution ('execution': run, replay or one of
-- `explore --record all`; 'witness': the execution that keeps a finding's
-- schedule), and one per exploration ('summary': explore, outcomes).
CREATE TABLE runs(
    id INTEGER PRIMARY KEY,
    file TEXT NOT NULL,        -- the program as given: "philo.go", "./philo"
    source_sha256 TEXT,        -- SHA-256 of that file's bytes, NULL if unread;
                               -- sources.sha256 for a Go program
    command TEXT NOT NULL,     -- run, explore, outcomes, replay
    strategy TEXT,             -- dpor, dfs, random, pct, rr, replay
    seed INTEGER,
    schedule TEXT,             -- reproduces the execution; NULL for a summary
    steps INTEGER,             -- the execution's steps; a summary's: total
    verdict TEXT,              -- "ok", or the finding kinds found, sorted
                               -- and space-separated; "running" while a
                               -- summary's exploration goes on
    created_at TEXT,           -- UTC, ISO 8601: the only wall-clock value
    role TEXT NOT NULL,        -- execution, witness, summary
    summary_id INTEGER,        -- runs.id of the exploration, or NULL
    status INTEGER,            -- exit status the command gives (0, 1)
    end_reason TEXT,           -- done, deadlock, panic, max-steps,
                               -- max-memory, livelock, interrupted,
                               -- abandoned; a summary: complete, bound,
                               -- budget, interrupted, time-limit, error
    output TEXT,               -- the program's printed output
    max_steps INTEGER,         -- --max-steps in force (replay uses it)
    nevents INTEGER,           -- rows in events for this run
    executions INTEGER,        -- a summary: executions run
    complete INTEGER           -- a summary: 1 if exhaustive and finished
);

-- Tasks of an execution. end_state: done, blocked, runnable (cut).
CREATE TABLE tasks(
    run_id INTEGER NOT NULL,   -- runs.id
    tid INTEGER NOT NULL,
    name TEXT NOT NULL,        -- "main", "g3 phil"
    fname TEXT,                -- the function: "phil"
    parent_tid INTEGER,        -- NULL for main
    spawn_step INTEGER,
    end_step INTEGER,          -- NULL when it never ended
    end_state TEXT,
    PRIMARY KEY(run_id, tid)
) WITHOUT ROWID;

-- Objects in creation order. kind is obj_kind_names (chan, mutex, ...);
-- capacity is a channel's buffer size, else NULL.
CREATE TABLE objects(
    run_id INTEGER NOT NULL,
    oid INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,        -- "" when unnamed
    capacity INTEGER,
    file TEXT,                 -- creation site
    line INTEGER,
    PRIMARY KEY(run_id, oid)
) WITHOUT ROWID;

-- Source files named by events.fid, per run in order of first use.
CREATE TABLE files(
    run_id INTEGER NOT NULL,
    fid INTEGER NOT NULL,
    path TEXT NOT NULL,
    PRIMARY KEY(run_id, fid)
) WITHOUT ROWID;

-- The event stream, exactly as the consumers saw it (engine.h wf_event).
-- seq numbers a run's events from 0; the key (run_id, step, seq) is the
-- index on (run_id, step) that the viewer pages through.
--   op:    SPEC section 9's names (ev_op_names), plus "yield"
--   oid:   objects.oid or NULL;  peer: partner tid or NULL
--   value: sent/received/stored value, delta, counter
--   clock: virtual nanoseconds;  fid/line: files.fid and source line
--   flags: EVF_* bits (1 failed, 2 select case, 4 wakes peer, 8 handoff,
--          16 atomic write, 32 cond relock, 64 select default,
--          128 main returned, 256/512/1024/2048 C11 atomic, acquire,
--          release, fence, 4096 done inside the library for the user's
--          call at fid/line)
--   aux:   channel op sequence number, select case, ticket (op specific)
--   aux2:  select case index of a channel event done by a select, or NULL
CREATE TABLE events(
    run_id INTEGER NOT NULL,
    step INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    tid INTEGER NOT NULL,
    op TEXT NOT NULL,
    oid INTEGER,
    value INTEGER,
    clock INTEGER,
    line INTEGER,
    fid INTEGER,
    flags INTEGER,
    peer INTEGER,
    aux INTEGER,
    aux2 INTEGER,
    PRIMARY KEY(run_id, step, seq)
) WITHOUT ROWID;

-- Findings of a run. For an execution: what it found, k = 1, 2, ... in
-- order of detection. For a summary: the distinct findings of the
-- exploration with their count and witness run (runs.id, NULL if none).
-- detail_json is the finding's object of `--json` (SPEC section 4).
CREATE TABLE findings(
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL,
    k INTEGER NOT NULL,
    kind TEXT NOT NULL,
    severity TEXT NOT NULL,    -- error, warning
    step INTEGER,
    message TEXT,
    detail_json TEXT,
    schedule TEXT,
    count INTEGER,
    witness_run INTEGER
);
CREATE INDEX findings_run ON findings(run_id, k);

-- Per-task counters of SPEC section 5: steps, progress, waits, blocked,
-- bypasses, max_bypass_streak.
CREATE TABLE metrics(
    run_id INTEGER NOT NULL,
    tid INTEGER NOT NULL,
    name TEXT NOT NULL,
    value INTEGER,
    PRIMARY KEY(run_id, tid, name)
) WITHOUT ROWID;

-- Distinct outcomes of an exploration (summary runs).
CREATE TABLE outcomes(
    run_id INTEGER NOT NULL,
    k INTEGER NOT NULL,
    output TEXT NOT NULL,
    kinds TEXT NOT NULL,       -- finding kinds, sorted, space-separated
    count INTEGER,
    schedule TEXT,
    PRIMARY KEY(run_id, k)
) WITHOUT ROWID;

-- The Go programs' source files, once per content (schema version 2):
-- runs.source_sha256 names a run's here, so `weft replay DB --run N`
-- replays what ran even after the file moved, changed or went away.
CREATE TABLE sources(
    sha256 TEXT PRIMARY KEY,   -- of text, hex
    path TEXT NOT NULL,        -- the file as first recorded: "philo.go"
    text BLOB NOT NULL         -- its bytes
) WITHOUT ROWID;

-- A shard of a cut exploration (explore --shard I/N, version 3): its
-- summary run, which shard it is, the plan its parts come from (the plan's
-- id and its first prefix, whose header names the program and the
-- semantics), and each part's result as a JSON array (ui/shard.c), which
-- weft merge joins with the other shards' in part order.
CREATE TABLE shards(
    run_id INTEGER PRIMARY KEY, -- runs.id of the shard's summary
    shard INTEGER NOT NULL,     -- I of --shard I/N
    nshards INTEGER NOT NULL,   -- N
    plan TEXT NOT NULL,
    parts TEXT NOT NULL
);
