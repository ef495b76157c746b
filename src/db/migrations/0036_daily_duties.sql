-- issue 23 §8: the daily duties (the sweep, reminders, the audit anchor, the digest) done per day, so a
-- process that starts after a missed day, or sees the application clock pass midnight, runs what is
-- due at once — once across processes: a process claims (duty, day) by inserting the row.
CREATE TABLE daily_duty_runs (
  duty text NOT NULL CHECK (duty ~ '^[a-z0-9-]{1,60}$'),
  day date NOT NULL,
  claimed_at timestamptz NOT NULL,
  done_at timestamptz,
  result jsonb,
  PRIMARY KEY (duty, day),
  CONSTRAINT daily_duty_runs_done CHECK (done_at IS NULL OR (done_at >= claimed_at AND result IS NOT NULL))
);
CREATE INDEX daily_duty_runs_last ON daily_duty_runs (duty, day DESC) WHERE done_at IS NOT NULL;
