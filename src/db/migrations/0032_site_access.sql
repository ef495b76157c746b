-- Issue 21: site access — visits to the machine room (进出机房申请) and equipment in and out (设备进出单),
-- allowed only to the people on the customer's 5.10 roster, kept as evidence the customer and a regulator can see.

-- The site's opening hours and the longest visit (one row; the defaults hold until an admin changes them),
-- and the roster roles whose holder may authorise a server leaving (5.10).
CREATE TABLE access_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  opens_minute integer NOT NULL DEFAULT 480 CHECK (opens_minute BETWEEN 0 AND 1440),
  closes_minute integer NOT NULL DEFAULT 1200 CHECK (closes_minute BETWEEN 0 AND 1440),
  max_visit_minutes integer NOT NULL DEFAULT 480 CHECK (max_visit_minutes BETWEEN 15 AND 1440),
  equipment_roles text[] NOT NULL DEFAULT ARRAY['legal_representative', 'technical_lead'],
  updated_by uuid,
  updated_at timestamptz,
  CONSTRAINT access_settings_hours CHECK (closes_minute > opens_minute),
  CONSTRAINT access_settings_roles CHECK (cardinality(equipment_roles) > 0
    AND equipment_roles <@ ARRAY['legal_representative', 'technical_lead', 'network_admin', 'device_admin', 'server_admin', 'contract_contact'])
);

CREATE TABLE visits (
  id uuid PRIMARY KEY,
  number text NOT NULL,
  customer_id uuid NOT NULL REFERENCES customers (id),
  room_id uuid NOT NULL REFERENCES rooms (id),
  purpose text NOT NULL CHECK (purpose IN ('installation', 'maintenance', 'inspection', 'removal', 'emergency')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  note text CHECK (note IS NULL OR length(note) <= 1000),
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
  requested_by uuid,
  requested_at timestamptz NOT NULL,
  decided_by uuid,
  decided_at timestamptz,
  decision_reason text CHECK (decision_reason IS NULL OR length(decision_reason) <= 1000),
  CONSTRAINT visits_number_unique UNIQUE (number),
  CONSTRAINT visits_window CHECK (ends_at > starts_at),
  CONSTRAINT visits_decided CHECK ((status = 'pending') = (decided_at IS NULL)),
  -- a refusal always says why
  CONSTRAINT visits_refusal_reason CHECK (status <> 'refused' OR length(btrim(decision_reason)) > 0)
);
CREATE INDEX visits_customer_idx ON visits (customer_id, starts_at DESC);
CREATE INDEX visits_day_idx ON visits (starts_at, ends_at) WHERE status = 'approved';
CREATE INDEX visits_pending_idx ON visits (requested_at) WHERE status = 'pending';

CREATE TABLE visit_servers (
  visit_id uuid NOT NULL REFERENCES visits (id),
  server_id uuid NOT NULL REFERENCES servers (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  PRIMARY KEY (visit_id, server_id)
);

-- The people of a visit: who was booked (the roster version in force at booking, snapshot of name and role),
-- and at the door the ID document checked (type and the last four characters ONLY), time in, escort, time out.
CREATE TABLE visit_people (
  id uuid PRIMARY KEY,
  visit_id uuid NOT NULL REFERENCES visits (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  member_id uuid NOT NULL,
  roster_version_id uuid NOT NULL REFERENCES roster_members (id),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  role text NOT NULL,
  id_document_type text CHECK (id_document_type IN ('resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other')),
  id_last4 text CHECK (id_last4 ~ '^[0-9A-Z]{4}$'),
  escort text CHECK (escort IS NULL OR length(escort) <= 200),
  checked_in_at timestamptz,
  checked_in_by uuid,
  checked_out_at timestamptz,
  checked_out_by uuid,
  -- a person turned away at the door (e.g. removed from the roster since booking), flagged for the record
  refused_at timestamptz,
  refusal text,
  CONSTRAINT visit_people_once UNIQUE (visit_id, member_id),
  CONSTRAINT visit_people_id_checked CHECK ((checked_in_at IS NULL) = (id_document_type IS NULL) AND (checked_in_at IS NULL) = (id_last4 IS NULL)),
  CONSTRAINT visit_people_out_after_in CHECK (checked_out_at IS NULL OR (checked_in_at IS NOT NULL AND checked_out_at >= checked_in_at)),
  CONSTRAINT visit_people_refused CHECK ((refused_at IS NULL) = (refusal IS NULL))
);
CREATE INDEX visit_people_visit_idx ON visit_people (visit_id);

-- Equipment in and out. In: the server brought in, its passed intake inspection (5.2) and its racking
-- (7.1 — the racking day starts the term). Out: released by a roster person authorised for equipment
-- (5.10), then taken out — unracked through the facility flow — unless a hold blocks it; a staff
-- override of the holds is kept with its reason (and audited).
CREATE TABLE equipment_movements (
  id uuid PRIMARY KEY,
  number text NOT NULL,
  customer_id uuid NOT NULL REFERENCES customers (id),
  server_id uuid NOT NULL REFERENCES servers (id),
  direction text NOT NULL CHECK (direction IN ('in', 'out')),
  status text NOT NULL CHECK (status IN ('released', 'completed')),
  visit_id uuid REFERENCES visits (id),
  inspection_id uuid REFERENCES intake_inspections (id),
  authorised_member_id uuid,
  authorised_version_id uuid REFERENCES roster_members (id),
  authorised_name text,
  authorised_role text,
  note text CHECK (note IS NULL OR length(note) <= 1000),
  holds jsonb NOT NULL DEFAULT '[]'::jsonb,
  override_reason text CHECK (override_reason IS NULL OR length(btrim(override_reason)) > 0),
  override_by uuid,
  created_by uuid,
  created_at timestamptz NOT NULL,
  completed_by uuid,
  completed_at timestamptz,
  CONSTRAINT equipment_movements_number_unique UNIQUE (number),
  CONSTRAINT equipment_movements_in CHECK (direction <> 'in' OR (status = 'completed' AND inspection_id IS NOT NULL)),
  CONSTRAINT equipment_movements_out CHECK (direction <> 'out' OR (authorised_member_id IS NOT NULL AND authorised_version_id IS NOT NULL)),
  CONSTRAINT equipment_movements_completed CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
  CONSTRAINT equipment_movements_override CHECK ((override_reason IS NULL) = (override_by IS NULL))
);
-- one release waiting at a time per server
CREATE UNIQUE INDEX equipment_movements_one_open_release ON equipment_movements (server_id) WHERE status = 'released';
CREATE INDEX equipment_movements_customer_idx ON equipment_movements (customer_id, created_at DESC);
