-- The cart journey's checkout email (its own idle timer), the customer's arm of a timing experiment, and when
-- checkout last started, so an email requested before it is settled (not sent) by the dispatcher.
ALTER TABLE cart_abandonment_state ADD COLUMN checkout_started_at timestamptz;
ALTER TABLE cart_abandonment_state ADD COLUMN checkout_email_requested_at timestamptz;
ALTER TABLE cart_abandonment_state ADD COLUMN checkout_idle_timeout_token_id uuid;
ALTER TABLE cart_abandonment_state ADD COLUMN variant varchar(32);

-- Every decision names the experiment and arm of its journey, so reports compare the arms.
ALTER TABLE email_decision ADD COLUMN experiment varchar(64);
ALTER TABLE email_decision ADD COLUMN variant varchar(32);
CREATE INDEX ix_email_decision_experiment ON email_decision (experiment, variant) WHERE experiment IS NOT NULL;
