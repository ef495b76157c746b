-- Issue 15 (16): mail leaves the outbox outside any transaction. A sender claims one due row in a
-- short transaction (lease + attempt counted), commits, talks SMTP, and records the outcome in
-- another; a claim that lapses (the sender died mid-send) makes the row due again.
ALTER TABLE notice_deliveries ADD COLUMN claimed_until timestamptz;
ALTER TABLE notice_deliveries ADD CONSTRAINT notice_deliveries_claim_pending CHECK (claimed_until IS NULL OR status = 'pending');
ALTER TABLE ticket_mail_outbox ADD COLUMN claimed_until timestamptz;
ALTER TABLE ticket_mail_outbox ADD CONSTRAINT ticket_mail_outbox_claim_pending CHECK (claimed_until IS NULL OR status = 'pending');
