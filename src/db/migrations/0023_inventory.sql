-- Issue 18 §1, §9: the data centre is built and kept in the UI. Every floor object can be edited (a row
-- version guards against two people saving over each other) and retired rather than deleted (history
-- points at it); a cabinet has its place in the room and its rated power in kW and A; the intake
-- checklist keeps a note and photos per item.

ALTER TABLE sites ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE sites ADD COLUMN retired_at timestamptz;

ALTER TABLE rooms ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE rooms ADD COLUMN retired_at timestamptz;

-- The cabinet's place in the room (row A, column 3) and its rated feed: power_budget_w is the rated
-- power (kW shown), rated_current_a the breaker's current.
ALTER TABLE cabinets ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE cabinets ADD COLUMN position_row text CHECK (position_row IS NULL OR length(btrim(position_row)) BETWEEN 1 AND 10);
ALTER TABLE cabinets ADD COLUMN position_column integer CHECK (position_column IS NULL OR position_column BETWEEN 1 AND 999);
ALTER TABLE cabinets ADD COLUMN rated_current_a integer CHECK (rated_current_a IS NULL OR rated_current_a BETWEEN 1 AND 1000);
ALTER TABLE cabinets ADD COLUMN retired_at timestamptz;
UPDATE cabinets SET retired_at = created_at WHERE status = 'retired';
ALTER TABLE cabinets ADD CONSTRAINT cabinets_retired_status CHECK ((status = 'retired') = (retired_at IS NOT NULL));
CREATE UNIQUE INDEX cabinets_one_per_position ON cabinets (room_id, position_row, position_column)
  WHERE retired_at IS NULL AND position_row IS NOT NULL AND position_column IS NOT NULL;

ALTER TABLE switches ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE switches ADD COLUMN retired_at timestamptz;

ALTER TABLE ip_pools ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE ip_pools ADD COLUMN retired_at timestamptz;
-- A retired pool no longer holds its prefix: a new pool may take it (an address is still never held
-- twice: ip_allocations_never_twice is per address, whatever the pool).
ALTER TABLE ip_pools DROP CONSTRAINT ip_pools_no_overlap;
ALTER TABLE ip_pools ADD CONSTRAINT ip_pools_no_overlap EXCLUDE USING gist (prefix inet_ops WITH &&) WHERE (retired_at IS NULL);

-- 5.2: each item of the intake checklist with the inspector's note; photos of an item (stored in the
-- content-addressed file store like KYC copies).
CREATE TABLE intake_inspection_items (
  inspection_id uuid NOT NULL REFERENCES intake_inspections (id),
  item text NOT NULL CHECK (item IN ('powerSupplies', 'rails', 'interfaces', 'labelling')),
  ok boolean NOT NULL,
  note text CHECK (note IS NULL OR length(note) <= 500),
  PRIMARY KEY (inspection_id, item)
);

CREATE TABLE intake_inspection_photos (
  id uuid PRIMARY KEY,
  inspection_id uuid NOT NULL REFERENCES intake_inspections (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  item text NOT NULL CHECK (item IN ('powerSupplies', 'rails', 'interfaces', 'labelling')),
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_name text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  uploaded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX intake_inspection_photos_inspection_idx ON intake_inspection_photos (inspection_id);
