-- Issue 17 §3: facility_events was written on every racking, status change and removal but read by
-- nothing in production. What other modules must do when a server is racked or removed happens in the
-- same transaction through the reaction bus (src/core/reactions.ts); the server's history is the audit
-- chain (server.rack, server.status, server.remove). The table goes rather than lingering as an outbox
-- nobody drains.
DROP TABLE facility_events;
