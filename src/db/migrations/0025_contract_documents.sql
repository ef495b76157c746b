-- Issue 19: documents as a Chinese company signs them.
-- The customer's particulars (甲方: name, USCC, addresses, legal representative, the contract's contact,
-- 24-hour telephone, e-mail) as they were when the contract was drafted: the parties block prints these,
-- not whatever the customer record says later. Contracts drafted before this migration have none and print
-- the customer record.
ALTER TABLE contracts ADD COLUMN customer_snapshot jsonb
  CHECK (customer_snapshot IS NULL OR (jsonb_typeof(customer_snapshot) = 'object' AND customer_snapshot ? 'name'));

-- 乙方's legal representative and the person who handles its contracts (the parties block).
ALTER TABLE provider_profiles
  ADD COLUMN legal_representative text,
  ADD COLUMN contact_person text;

-- A template written as structured text (one paragraph per line, 第N条 / N.M / 一、 marks, {{ref:5.3}}):
-- kept as written; its blocks are empty. A template is one or the other.
ALTER TABLE contract_templates
  ADD COLUMN source text,
  ADD CONSTRAINT contract_templates_source_or_blocks CHECK ((source IS NOT NULL) <> (jsonb_array_length(blocks) > 0));
