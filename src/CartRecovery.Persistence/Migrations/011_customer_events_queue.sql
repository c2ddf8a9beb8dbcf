-- One queue for every customer event and journey timer (customer-events) replaces the per-journey queues. Timers
-- and scheduled redeliveries already waiting keep their moment and go to the new queue instead of the old one.
UPDATE scheduled_timer
SET destination = regexp_replace(destination,
    '(/|:)(cart-abandonment|browse-abandonment|post-purchase|inactivity|customer-profiles|conversions|discount-codes)(\?.*)?$',
    '\1customer-events\3')
WHERE destination ~ '(/|:)(cart-abandonment|browse-abandonment|post-purchase|inactivity|customer-profiles|conversions|discount-codes)(\?.*)?$';

-- The outbox sweeper looks for consumed messages whose sends were never delivered.
CREATE INDEX IF NOT EXISTS ix_inbox_state_undelivered ON inbox_state (consumed) WHERE delivered IS NULL AND consumed IS NOT NULL;
