-- Customer search that stays an index lookup at tens of thousands of customers.

-- A two-character name fragment (寰宇, 蓝山 — the 字号 people actually type) contains no trigram,
-- so the trigram index of 0002 cannot answer it; the name's character pairs, kept by the database
-- itself on every insert and rename, can. IMMUTABLE: the pairs depend on the name alone.
CREATE FUNCTION customer_name_bigrams(name text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(DISTINCT substr(lower(name), i, 2)), '{}') FROM generate_series(1, char_length(name) - 1) AS i $$;
ALTER TABLE customers ADD COLUMN name_bigrams text[] GENERATED ALWAYS AS (customer_name_bigrams(name)) STORED;
-- fastupdate off: customers are written rarely and searched often, and the embedded database has
-- no autovacuum to merge a pending list, which every search would otherwise have to read through
CREATE INDEX customers_name_bigrams_idx ON customers USING gin (name_bigrams) WITH (fastupdate = off);
ALTER INDEX customers_name_trgm_idx SET (fastupdate = off);
SELECT gin_clean_pending_list('customers_name_trgm_idx');

-- A caller's number finds the company whose person it is: the current versions of the customer
-- side of the roster, by phone prefix.
CREATE INDEX roster_members_mobile_idx ON roster_members (mobile text_pattern_ops) WHERE valid_to IS NULL AND side = 'customer';
CREATE INDEX roster_members_landline_idx ON roster_members (landline text_pattern_ops) WHERE valid_to IS NULL AND side = 'customer';
