-- Issue 20 §3: a customer's search of an address prefix ("10.1.") starts from its own live addresses, in
-- address order. Without this, its search read every live address of the prefix (65,536 rows for a /16 at
-- the benchmark's scale) to keep its own; staff's search stays on ip_allocations_address_live_idx (0029).
CREATE INDEX ip_allocations_customer_address_live_idx ON ip_allocations (customer_id, address) WHERE released_at IS NULL;
