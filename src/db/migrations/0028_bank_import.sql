-- Finance desk (issue 20 item 4): the lines of the provider's bank statement that a reviewer confirmed
-- and recorded as payments. A line is identified by the hash of what the bank printed (date, amount,
-- payer, reference): the same line imported twice — the same file again, or an overlapping export —
-- meets this primary key and is never recorded twice.
CREATE TABLE bank_import_lines (
  line_hash text PRIMARY KEY CHECK (line_hash ~ '^[0-9a-f]{64}$'),
  received_on date NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  payer_name text NOT NULL CHECK (length(payer_name) BETWEEN 1 AND 200),
  reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
  invoice_id uuid NOT NULL REFERENCES invoices (id),
  payment_id uuid NOT NULL UNIQUE REFERENCES payments (id),
  recorded_by uuid,
  recorded_at timestamptz NOT NULL
);

-- the payments list (收款记录) reads newest first, per customer or across all
CREATE INDEX payments_received_idx ON payments (received_on DESC, created_at DESC);
CREATE INDEX payments_customer_received_idx ON payments (customer_id, received_on);
-- the statement and the receivables read a customer's invoices by issue date
CREATE INDEX invoices_customer_issued_idx ON invoices (customer_id, issued_on);
