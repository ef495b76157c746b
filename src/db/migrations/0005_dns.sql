-- 6.1: free DNS resolution for the customer's domains, exported as a real zone file.
CREATE TABLE dns_zones (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id),
  domain text NOT NULL UNIQUE CHECK (domain ~ '^[a-z0-9.-]+$' AND domain = lower(domain)), -- punycode
  serial bigint NOT NULL CHECK (serial > 0),
  default_ttl integer NOT NULL DEFAULT 600 CHECK (default_ttl BETWEEN 60 AND 86400),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX dns_zones_customer_idx ON dns_zones (customer_id);

CREATE TABLE dns_records (
  id uuid PRIMARY KEY,
  zone_id uuid NOT NULL REFERENCES dns_zones (id) ON DELETE CASCADE,
  customer_id uuid NOT NULL REFERENCES customers (id),
  name text NOT NULL CHECK (name = '@' OR name ~ '^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$'),
  type text NOT NULL CHECK (type IN ('A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS')),
  value text NOT NULL CHECK (length(value) BETWEEN 1 AND 2000),
  ttl integer CHECK (ttl IS NULL OR ttl BETWEEN 60 AND 86400),
  priority integer CHECK ((type = 'MX') = (priority IS NOT NULL) AND (priority IS NULL OR priority BETWEEN 0 AND 65535)),
  created_at timestamptz NOT NULL,
  CONSTRAINT dns_records_unique UNIQUE (zone_id, name, type, value)
);
CREATE INDEX dns_records_zone_idx ON dns_records (zone_id, name);
