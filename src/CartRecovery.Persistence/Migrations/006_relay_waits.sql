-- An email the SMTP relay could not take (unreachable, 4xx) keeps its ledger row as 'waiting': it is tried again
-- with backoff, support sees since when and why, and the journey's later steps wait behind it.
-- 'rejected' marks a 5xx refusal, never tried again.
ALTER TABLE send_ledger ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE send_ledger ADD COLUMN waiting_since timestamptz;
ALTER TABLE send_ledger ADD COLUMN last_error varchar(500);
CREATE INDEX ix_send_ledger_waiting ON send_ledger (waiting_since) WHERE status = 'waiting';
