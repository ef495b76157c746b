-- 6.1 / 附件一: the lowest free address of a pool, allocated under the pool's lock, in one round trip.
-- Two statements on purpose: under READ COMMITTED each statement of a (volatile) function takes its
-- own snapshot, so the INSERT's snapshot is taken after the lock is held and sees the address the
-- previous holder just inserted (inside one statement it would not: a snapshot precedes the wait).
-- PL/pgSQL also keeps both statements' plans for the session: the candidate search is planned once.
-- Candidates: the lowest free address is the first usable one or sits right after something
-- unusable (a held address, a reserved range, the gateway). Skipped: network and broadcast (IPv4
-- wider than /31), the IPv6 subnet-router anycast, the gateway, reserved ranges and every address
-- held at p_at (allocated, or released but in quarantine).
-- Returns no row when the pool does not exist; a row with a NULL address when the pool is full.
CREATE FUNCTION ip_allocate_next(p_pool uuid, p_id uuid, p_server uuid, p_customer uuid, p_at timestamptz)
  RETURNS TABLE (allocated_in text, allocated_address text) LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.name INTO allocated_in FROM ip_pools p WHERE p.id = p_pool FOR UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  WITH pool AS (
    SELECT prefix, gateway, family(prefix) AS fam, host(network(prefix))::inet AS net, host(broadcast(prefix))::inet AS bcast
    FROM ip_pools WHERE id = p_pool
  ),
  held AS (
    SELECT h.address FROM ip_allocations h
    WHERE h.pool_id = p_pool AND (h.held_until IS NULL OR h.held_until > p_at)
  ),
  reserved AS (SELECT first_address AS s, last_address AS e FROM ip_reserved_ranges WHERE pool_id = p_pool),
  edges AS (
    -- UNION ALL: a duplicate candidate is harmless under ORDER BY … LIMIT 1, deduplicating is not free
    SELECT net AS a FROM pool
    UNION ALL SELECT net + 1 FROM pool
    UNION ALL SELECT held.address + 1 FROM held
    UNION ALL SELECT e + 1 FROM reserved
    UNION ALL SELECT gateway + 1 FROM pool WHERE gateway IS NOT NULL
  )
  INSERT INTO ip_allocations (id, pool_id, address, server_id, customer_id, allocated_at)
  SELECT p_id, p_pool, c.a, p_server, p_customer, p_at
  FROM edges c, pool p
  WHERE c.a <<= p.prefix
    AND NOT (c.a = p.net AND (p.fam = 6 OR masklen(p.prefix) < 31))
    AND NOT (p.fam = 4 AND masklen(p.prefix) < 31 AND c.a = p.bcast)
    AND c.a IS DISTINCT FROM p.gateway
    AND NOT EXISTS (SELECT 1 FROM reserved r WHERE c.a BETWEEN r.s AND r.e)
    AND NOT EXISTS (SELECT 1 FROM held h WHERE h.address = c.a)
  ORDER BY c.a
  LIMIT 1
  RETURNING host(ip_allocations.address) INTO allocated_address;
  RETURN NEXT;
END $$;
