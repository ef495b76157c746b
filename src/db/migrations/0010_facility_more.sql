-- Reverse DNS for the provider's pools (6.1): one row per in-addr.arpa / ip6.arpa zone that has had
-- a PTR record, carrying the zone's serial; one PTR per live allocation.
CREATE TABLE dns_reverse_zones (
  origin text PRIMARY KEY CHECK (origin ~ '^([0-9a-f]{1,3}\.)+(in-addr|ip6)\.arpa$'),
  serial bigint NOT NULL CHECK (serial > 0),
  updated_at timestamptz NOT NULL
);

CREATE TABLE dns_ptr_records (
  id uuid PRIMARY KEY,
  allocation_id uuid NOT NULL REFERENCES ip_allocations (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  origin text NOT NULL REFERENCES dns_reverse_zones (origin),
  name text NOT NULL CHECK (name ~ '^[0-9a-f]{1,3}(\.[0-9a-f]{1,3})*$'),   -- relative to the origin
  hostname text NOT NULL CHECK (hostname ~ '^([a-z0-9_]([a-z0-9_-]*[a-z0-9])?\.)+$' AND length(hostname) <= 254),
  ttl integer CHECK (ttl IS NULL OR ttl BETWEEN 60 AND 86400),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT dns_ptr_one_per_allocation UNIQUE (allocation_id),
  CONSTRAINT dns_ptr_one_per_name UNIQUE (origin, name)
);
CREATE INDEX dns_ptr_records_customer_idx ON dns_ptr_records (customer_id);

-- The device name a server carries in NetBox (and on its label); optional, unique when given so an
-- import can refer to it (NetBox's IP addresses name their device).
ALTER TABLE servers ADD COLUMN name text CHECK (name IS NULL OR length(btrim(name)) BETWEEN 1 AND 64);
CREATE UNIQUE INDEX servers_name_unique ON servers (name) WHERE name IS NOT NULL;

-- "Next free address" walks a pool's held addresses in order: an index-only scan by pool and address.
CREATE INDEX ip_allocations_pool_address_idx ON ip_allocations (pool_id, address) INCLUDE (held_until);
