-- Profile events apply in event-time order: the event time of the newest contact details and of the newest
-- consent change (profile update or unsubscribe) applied, so a late older event never overrides a newer one.
ALTER TABLE customer_profile ADD COLUMN profile_changed_at timestamptz;
ALTER TABLE customer_profile ADD COLUMN consent_changed_at timestamptz;

-- Retention purges old rows in batches by age; these find them without a full scan.
CREATE INDEX ix_send_ledger_claimed ON send_ledger (claimed_at);
CREATE INDEX ix_product_view_viewed ON product_view (viewed_at);
CREATE INDEX ix_cart_abandonment_state_ended ON cart_abandonment_state (ended_at) WHERE ended_at IS NOT NULL;
CREATE INDEX ix_browse_abandonment_state_ended ON browse_abandonment_state (ended_at) WHERE ended_at IS NOT NULL;
CREATE INDEX ix_post_purchase_state_ended ON post_purchase_state (ended_at) WHERE ended_at IS NOT NULL;
CREATE INDEX ix_inactivity_state_ended ON inactivity_state (ended_at) WHERE ended_at IS NOT NULL;
