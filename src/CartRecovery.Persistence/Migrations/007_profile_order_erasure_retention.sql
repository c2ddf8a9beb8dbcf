-- Profile events apply in event-time order: the event time of the newest contact details and of the newest
-- consent change (profile update or unsubscribe) applied, so a late older event never overrides a newer one.
ALTER TABLE customer_profile ADD COLUMN profile_changed_at timestamptz;
ALTER TABLE customer_profile ADD COLUMN consent_changed_at timestamptz;
