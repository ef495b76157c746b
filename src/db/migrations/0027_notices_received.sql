-- Issue 19 §5: which way a notice went, and legs that never apply.
--
-- A roster change the customer sent on paper, by e-mail, fax or in person and provider staff typed in is
-- a notice the provider RECEIVED from the customer (甲方 → 乙方, recorded on the customer's behalf): it
-- records how it came and the document that carried it (its name; a scan when there is one), and it has
-- no deliveries — nothing is sent. Before this, such entries made formal notices with post and fax legs
-- addressed to the provider itself, which nobody would ever post and which stayed 待发送 forever.
ALTER TABLE notices
  ADD COLUMN received boolean NOT NULL DEFAULT false,
  ADD COLUMN received_how text CHECK (received_how IN ('email', 'post', 'fax', 'in_person')),
  ADD COLUMN document_name text CHECK (document_name IS NULL OR length(document_name) BETWEEN 1 AND 200),
  ADD COLUMN document_sha256 text CHECK (document_sha256 IS NULL OR document_sha256 ~ '^[0-9a-f]{64}$'),
  ADD COLUMN document_content_type text CHECK (document_content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  ADD CONSTRAINT notices_received_from_customer CHECK (NOT received OR direction = 'customer_to_provider'),
  ADD CONSTRAINT notices_received_particulars CHECK (received OR (received_how IS NULL AND document_name IS NULL AND document_sha256 IS NULL)),
  ADD CONSTRAINT notices_document_typed CHECK ((document_sha256 IS NULL) = (document_content_type IS NULL));

-- 'cancelled': a delivery leg that never applies (it is kept, not deleted, because the register showed it)
ALTER TABLE notice_deliveries DROP CONSTRAINT notice_deliveries_status_check;
ALTER TABLE notice_deliveries ADD CONSTRAINT notice_deliveries_status_check CHECK (status IN ('pending', 'sent', 'failed', 'cancelled'));

-- The roster notices already made from a change entered by staff or the system (not by the customer's
-- own user): the audit chain says who made the roster version the outbox item carried.
UPDATE notices n SET received = true
FROM notice_outbox o
WHERE o.id = n.source_outbox_id
  AND n.type = 'roster.changed'
  AND n.direction = 'customer_to_provider'
  AND EXISTS (
    SELECT 1 FROM audit_log a
    WHERE a.customer_id = o.customer_id
      AND a.entity = 'roster_member'
      AND a.actor_kind <> 'customer'
      AND (
        (a.action IN ('roster.add', 'roster.update') AND a.after ->> 'versionId' = o.payload -> 'after' ->> 'versionId')
        OR (a.action = 'roster.remove' AND a.before ->> 'versionId' = o.payload -> 'before' ->> 'versionId')
      )
  )
  AND NOT EXISTS (
    SELECT 1 FROM audit_log a
    WHERE a.customer_id = o.customer_id
      AND a.entity = 'roster_member'
      AND a.actor_kind = 'customer'
      AND (a.after ->> 'versionId' = o.payload -> 'after' ->> 'versionId' OR a.before ->> 'versionId' = o.payload -> 'before' ->> 'versionId')
  );

-- Close the legs that never apply: whatever is still pending on a received notice, and post or fax
-- addressed to the provider itself (a customer's notice reaches the provider in the portal and by e-mail).
UPDATE notice_deliveries d SET status = 'cancelled', next_attempt_at = NULL, claimed_until = NULL
FROM notices n
WHERE n.id = d.notice_id
  AND d.status = 'pending'
  AND (n.received OR (n.direction = 'customer_to_provider' AND d.channel IN ('post', 'fax')));
