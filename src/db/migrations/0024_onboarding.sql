-- Issue 18 §2, §6: documents received on paper and the four-eyes rule.
-- A KYC document or a 5.5 log-retention attestation the customer handed over on paper is recorded by staff:
-- the scan, who at the provider received it and on which day (the recording user is in the audit chain).
ALTER TABLE kyc_documents
  ADD COLUMN received_by text,
  ADD COLUMN received_on date,
  ADD CONSTRAINT kyc_documents_paper_receipt CHECK ((received_by IS NULL) = (received_on IS NULL));

ALTER TABLE compliance_log_attestations
  ADD COLUMN scan_sha256 text,
  ADD COLUMN scan_file_name text,
  ADD COLUMN scan_content_type text CHECK (scan_content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  ADD COLUMN received_by text,
  ADD COLUMN received_on date,
  ADD CONSTRAINT compliance_log_attestations_paper CHECK (
    (received_on IS NULL AND received_by IS NULL AND scan_sha256 IS NULL AND scan_content_type IS NULL)
    OR (received_on IS NOT NULL AND received_by IS NOT NULL AND scan_sha256 IS NOT NULL AND scan_content_type IS NOT NULL)
  );

-- Four eyes (§6): who put the filing evidence on file, so that person cannot also verify it.
ALTER TABLE compliance_domains
  ADD COLUMN evidence_uploaded_by uuid;
