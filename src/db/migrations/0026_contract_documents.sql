-- Issue 19 §3: the versions of a contract document, frozen.
--
-- A draft is rendered from the current facts every time (watermarked 草稿, no seal) and never stored.
-- The copy sent for signature is rendered once when the contract is sent (or, signed straight from the
-- draft, when it is signed) and stored in the file store; from then on the contract and its attachments
-- are served from these bytes, never regenerated, so what the customer signed is what the system shows.
-- The particulars known only at racking (cabinet, U, addresses, 开通日) go on a separate document, the
-- 开通确认单 (service activation confirmation), never into the signed contract.
CREATE TABLE contract_documents (
  contract_id uuid NOT NULL REFERENCES contracts (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  kind text NOT NULL CHECK (kind IN ('sent', 'activation')),
  -- 'contract' | 'security-letter' | 'user-undertaking' for the sent copy, 'confirmation-<n>' for the nth racking
  part text NOT NULL CHECK (part ~ '^[a-z0-9-]{1,40}$'),
  format text NOT NULL CHECK (format IN ('pdf', 'docx', 'html')),
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  -- SHA-256 of the filled text (the words, not the bytes), printed in the document's footer
  text_fingerprint text NOT NULL CHECK (text_fingerprint ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (contract_id, kind, part, format)
);
CREATE INDEX contract_documents_customer ON contract_documents (customer_id);

-- What the 开通确认单 says, recorded in the racking's transaction (rendered after it, once).
CREATE TABLE contract_activation_facts (
  id uuid PRIMARY KEY,
  contract_id uuid NOT NULL REFERENCES contracts (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  sequence integer NOT NULL CHECK (sequence > 0),
  server_id uuid NOT NULL,
  contract_number text NOT NULL,
  server_label text NOT NULL,                 -- brand model, serial number
  cabinet text NOT NULL,                      -- site / room / cabinet code
  lowest_u integer NOT NULL CHECK (lowest_u > 0),
  highest_u integer NOT NULL CHECK (highest_u >= lowest_u),
  faces text NOT NULL,
  addresses text[] NOT NULL,
  activation_date date NOT NULL,              -- 开通日 (7.1): the racking day
  term_start date,
  term_end date,
  created_at timestamptz NOT NULL,
  UNIQUE (contract_id, sequence),
  UNIQUE (contract_id, server_id)
);
CREATE INDEX contract_activation_facts_customer ON contract_activation_facts (customer_id);
