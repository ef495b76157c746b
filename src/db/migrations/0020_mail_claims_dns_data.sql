-- Issue 15: mail claims (item 16) and DNS record data (item 15).
-- Issue 15 (16): mail leaves the outbox outside any transaction. A sender claims one due row in a
-- short transaction (lease + attempt counted), commits, talks SMTP, and records the outcome in
-- another; a claim that lapses (the sender died mid-send) makes the row due again.
ALTER TABLE notice_deliveries ADD COLUMN claimed_until timestamptz;
ALTER TABLE notice_deliveries ADD CONSTRAINT notice_deliveries_claim_pending CHECK (claimed_until IS NULL OR status = 'pending');
ALTER TABLE ticket_mail_outbox ADD COLUMN claimed_until timestamptz;
ALTER TABLE ticket_mail_outbox ADD CONSTRAINT ticket_mail_outbox_claim_pending CHECK (claimed_until IS NULL OR status = 'pending');

-- Issue 15 (15): no line break or other control character in a DNS record's data (a zone file would
-- read it as the end of the record, and the next line could be a directive such as $INCLUDE). The
-- service refuses them with a field error; this is the last word. NOT VALID: rows from before are
-- left to the zone writer, which escapes them.
ALTER TABLE dns_records ADD CONSTRAINT dns_records_value_no_control CHECK (value !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]') NOT VALID;
