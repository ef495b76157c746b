-- Facility and network (第一条, 第二条, 6.1, 附件一): sites → rooms → cabinets, servers and where they sit,
-- intake inspections, switch ports, IP pools and allocations. Uniqueness of space and numbers is the
-- database's job: EXCLUDE constraints, not application checks that race.

CREATE TABLE sites (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9-]{2,20}$'),
  name text NOT NULL CHECK (length(btrim(name)) > 0),          -- 机房
  address text NOT NULL,
  access_point text NOT NULL,                                   -- 接入点，如 牛街庄电信机房
  created_at timestamptz NOT NULL
);

CREATE TABLE rooms (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES sites (id),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  created_at timestamptz NOT NULL,
  UNIQUE (site_id, name)
);

CREATE TABLE cabinets (
  id uuid PRIMARY KEY,
  room_id uuid NOT NULL REFERENCES rooms (id),
  code text NOT NULL CHECK (length(btrim(code)) > 0),          -- 机柜编号
  height_u integer NOT NULL DEFAULT 42 CHECK (height_u BETWEEN 1 AND 60),
  power_budget_w integer NOT NULL DEFAULT 4400 CHECK (power_budget_w > 0),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'reserved', 'retired')),
  created_at timestamptz NOT NULL,
  UNIQUE (room_id, code)
);

CREATE TABLE servers (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id),
  contract_id uuid, -- the contracts module links its contract here (no FK until that table exists)
  brand text NOT NULL,
  model text NOT NULL,
  serial_number text NOT NULL CHECK (length(btrim(serial_number)) > 0),
  height_u integer NOT NULL CHECK (height_u BETWEEN 1 AND 10),
  power_w integer NOT NULL DEFAULT 300 CHECK (power_w > 0),
  status text NOT NULL DEFAULT 'expected'
    CHECK (status IN ('expected', 'racked', 'commissioning', 'in_service', 'suspended', 'removed')),
  racked_at timestamptz,   -- 7.1: the racking day is the activation date
  removed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT servers_serial_unique UNIQUE (brand, serial_number),
  CHECK ((status = 'expected') = (racked_at IS NULL) OR status = 'removed')
);
CREATE INDEX servers_customer_idx ON servers (customer_id, status);

-- One row per face a server occupies; a full-depth server has a front and a rear row. The EXCLUDE
-- constraint makes two live placements on the same U of the same face impossible, race or not.
CREATE TABLE server_placements (
  id uuid PRIMARY KEY,
  server_id uuid NOT NULL REFERENCES servers (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  cabinet_id uuid NOT NULL REFERENCES cabinets (id),
  face text NOT NULL CHECK (face IN ('front', 'rear')),
  u_range int4range NOT NULL CHECK (lower(u_range) >= 1 AND NOT isempty(u_range)),
  placed_at timestamptz NOT NULL,
  removed_at timestamptz,
  CONSTRAINT server_placements_no_overlap EXCLUDE USING gist (cabinet_id WITH =, face WITH =, u_range WITH &&) WHERE (removed_at IS NULL)
);
CREATE INDEX server_placements_server_idx ON server_placements (server_id) WHERE removed_at IS NULL;
CREATE INDEX server_placements_cabinet_idx ON server_placements (cabinet_id) WHERE removed_at IS NULL;

-- 5.2: the equipment meets interface and electrical standards before it is racked.
CREATE TABLE intake_inspections (
  id uuid PRIMARY KEY,
  server_id uuid NOT NULL REFERENCES servers (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  inspector_id uuid REFERENCES users (id),
  power_supplies boolean NOT NULL,
  rails boolean NOT NULL,
  interfaces boolean NOT NULL,
  labelling boolean NOT NULL,
  passed boolean NOT NULL,
  notes text,
  inspected_at timestamptz NOT NULL,
  CHECK (passed = (power_supplies AND rails AND interfaces AND labelling))
);
CREATE INDEX intake_inspections_server_idx ON intake_inspections (server_id, inspected_at);

CREATE TABLE switches (
  id uuid PRIMARY KEY,
  room_id uuid NOT NULL REFERENCES rooms (id),
  cabinet_id uuid REFERENCES cabinets (id),
  name text NOT NULL UNIQUE,
  model text NOT NULL,
  uplink_mbps integer NOT NULL DEFAULT 1000 CHECK (uplink_mbps > 0), -- 6.1: 1000M shared uplink
  created_at timestamptz NOT NULL
);

CREATE TABLE switch_ports (
  id uuid PRIMARY KEY,
  switch_id uuid NOT NULL REFERENCES switches (id),
  name text NOT NULL,
  speed_mbps integer NOT NULL DEFAULT 1000 CHECK (speed_mbps > 0),
  UNIQUE (switch_id, name)
);

-- 6.1: a 100M shared port per server interface; never two servers on one port.
CREATE TABLE port_assignments (
  id uuid PRIMARY KEY,
  port_id uuid NOT NULL REFERENCES switch_ports (id),
  server_id uuid NOT NULL REFERENCES servers (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  interface_name text NOT NULL,
  bandwidth_mbps integer NOT NULL DEFAULT 100 CHECK (bandwidth_mbps > 0),
  shared boolean NOT NULL DEFAULT true,
  assigned_at timestamptz NOT NULL,
  released_at timestamptz
);
CREATE UNIQUE INDEX port_assignments_one_server_per_port ON port_assignments (port_id) WHERE released_at IS NULL;
CREATE UNIQUE INDEX port_assignments_one_port_per_interface ON port_assignments (server_id, interface_name) WHERE released_at IS NULL;

CREATE TABLE ip_pools (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  site_id uuid REFERENCES sites (id),
  prefix cidr NOT NULL,
  gateway inet,
  vlan integer CHECK (vlan BETWEEN 1 AND 4094),
  quarantine_days integer NOT NULL DEFAULT 30 CHECK (quarantine_days >= 0),
  created_at timestamptz NOT NULL,
  CHECK (gateway IS NULL OR (gateway << prefix AND family(gateway) = family(prefix))),
  CONSTRAINT ip_pools_no_overlap EXCLUDE USING gist (prefix inet_ops WITH &&)
);

CREATE TABLE ip_reserved_ranges (
  id uuid PRIMARY KEY,
  pool_id uuid NOT NULL REFERENCES ip_pools (id),
  first_address inet NOT NULL,
  last_address inet NOT NULL,
  reason text NOT NULL,
  CHECK (first_address <= last_address)
);

-- An address is held from allocation until its quarantine ends (NULL: still allocated). Two holds of
-- one address never overlap: an address is never allocated twice, nor reused inside its quarantine.
CREATE TABLE ip_allocations (
  id uuid PRIMARY KEY,
  pool_id uuid NOT NULL REFERENCES ip_pools (id),
  address inet NOT NULL,
  server_id uuid REFERENCES servers (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  allocated_at timestamptz NOT NULL,
  released_at timestamptz,
  held_until timestamptz, -- released_at + the pool's quarantine
  CHECK ((released_at IS NULL) = (held_until IS NULL)),
  CHECK (held_until IS NULL OR held_until >= released_at),
  CONSTRAINT ip_allocations_never_twice EXCLUDE USING gist (
    address inet_ops WITH =,
    tstzrange(allocated_at, held_until) WITH &&
  )
);
CREATE INDEX ip_allocations_pool_idx ON ip_allocations (pool_id, released_at);
CREATE INDEX ip_allocations_server_idx ON ip_allocations (server_id) WHERE released_at IS NULL;

-- Events other modules consume (a racking starts a contract's term, 7.1), drained like an outbox.
CREATE TABLE facility_events (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  server_id uuid NOT NULL REFERENCES servers (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  payload jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  consumed_at timestamptz
);
CREATE INDEX facility_events_pending_idx ON facility_events (occurred_at) WHERE consumed_at IS NULL;
