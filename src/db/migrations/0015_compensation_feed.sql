-- The whole-ledger recomputation (7.2) reads the closed interruptions of a run of contracts grouped
-- by contract, incident, interval and consent. In this order the index hands the rows over already
-- grouped: one range scan (index-only once vacuumed) per run of contracts, no sorting or hashing of
-- a million rows.
CREATE INDEX interruptions_feed_idx ON interruptions (contract_id, incident_id, started_at, ended_at, consent_at)
  WHERE ended_at IS NOT NULL;
