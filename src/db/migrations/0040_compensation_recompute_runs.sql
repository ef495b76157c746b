-- Issue 20 §6: the compensation recomputation started from the web runs as a background job; its progress
-- (which step, how many contracts of how many) is written here as it goes, so any page — or a second
-- staff member — reads the same figures. One run at a time: a second start while one is unfinished is
-- refused by the database, not by a check in the code.
CREATE TABLE compensation_recompute_runs (
  id uuid PRIMARY KEY,
  requested_by uuid,
  requested_at timestamptz NOT NULL,
  step text NOT NULL CHECK (step IN ('queued', 'check', 'recompute', 'done', 'failed')),
  done integer NOT NULL DEFAULT 0 CHECK (done >= 0),
  total integer NOT NULL DEFAULT 0 CHECK (total >= 0 AND done <= total),
  -- the recomputation's result: contracts looked at, ledgers rewritten
  contracts integer CHECK (contracts >= 0),
  changed integer CHECK (changed >= 0),
  error text,
  -- written with every progress step: a run whose process died stops moving, and is given up after a while
  heartbeat_at timestamptz NOT NULL,
  finished_at timestamptz,
  CONSTRAINT compensation_recompute_runs_finished CHECK ((finished_at IS NULL) = (step IN ('queued', 'check', 'recompute'))),
  CONSTRAINT compensation_recompute_runs_result CHECK ((step = 'done') = (contracts IS NOT NULL AND changed IS NOT NULL)),
  CONSTRAINT compensation_recompute_runs_error CHECK ((step = 'failed') = (error IS NOT NULL))
);
CREATE UNIQUE INDEX compensation_recompute_runs_one_running ON compensation_recompute_runs ((true)) WHERE finished_at IS NULL;
CREATE INDEX compensation_recompute_runs_latest ON compensation_recompute_runs (requested_at DESC);
