-- Issue 20 §3: the global search. Each kind of query the search box classifies is answered by one index
-- lookup, never by reading a big table: an address or prefix on the live allocations, a serial or cabinet
-- code or document number by its prefix, a domain by its name or by a parent domain, a customer by its
-- name (0002, 0008), its pinyin anywhere in the name (below), its credit code or phone.

-- Full pinyin then the initials of the name (北京寰宇 → "beijinghuanyu bjhy"), written by the application
-- (the pinyin dictionary lives there) on create and rename, and for rows from before this migration at start.
-- The trigram index finds "huanyu" or "hy" + more anywhere in it, on PGlite as on PostgreSQL.
ALTER TABLE customers ADD COLUMN name_pinyin text;
CREATE INDEX customers_name_pinyin_trgm_idx ON customers USING gin (name_pinyin gin_trgm_ops) WITH (fastupdate = off);

-- An address, or every address inside a prefix (address <<= '10.1.2.0/24' becomes a range on this index).
CREATE INDEX ip_allocations_address_live_idx ON ip_allocations (address) WHERE released_at IS NULL;

-- A customer's search finds only the cabinets its servers sit in now: its live placements, by customer.
CREATE INDEX server_placements_customer_idx ON server_placements (customer_id, cabinet_id) WHERE removed_at IS NULL;

-- Prefixes, case-insensitively where people type either case (text_pattern_ops: LIKE 'x%' under any collation).
CREATE INDEX servers_serial_search_idx ON servers (lower(serial_number) text_pattern_ops);
CREATE INDEX cabinets_code_search_idx ON cabinets (lower(code) text_pattern_ops);
CREATE INDEX contracts_number_search_idx ON contracts (number text_pattern_ops);
CREATE INDEX invoices_number_search_idx ON invoices (number text_pattern_ops);

-- Domains are stored lower-case ASCII: a name or its prefix, and a parent domain (example.com finds
-- www.example.com) as a prefix of the reversed name.
CREATE INDEX compliance_domains_domain_search_idx ON compliance_domains (domain text_pattern_ops);
CREATE INDEX compliance_domains_reverse_idx ON compliance_domains (reverse(domain) text_pattern_ops);
