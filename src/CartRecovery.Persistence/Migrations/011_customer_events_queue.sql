-- One queue for every customer event and journey timer (customer-events) replaces the per-journey queues; timers
-- addressed to a retired queue are redirected when they fire. The outbox sweeper looks for consumed messages whose
-- sends were never delivered.
CREATE INDEX IF NOT EXISTS ix_inbox_state_undelivered ON inbox_state (consumed) WHERE delivered IS NULL AND consumed IS NOT NULL;
