-- The inactivity journey can now be ended by hand, so it records an outcome and an end like the others.
ALTER TABLE inactivity_state ADD COLUMN outcome varchar(32);
ALTER TABLE inactivity_state ADD COLUMN ended_at timestamptz;

-- One row per order credited to the last email decision before it within the attribution window: a sent email
-- (treated) or a holdout suppression (the control group). Revenue is the order total in its own currency.
CREATE TABLE journey_conversion (
    order_id     uuid PRIMARY KEY,
    journey_id   uuid          NOT NULL,
    journey      varchar(64)   NOT NULL,
    step         integer       NOT NULL,
    customer_id  varchar(128)  NOT NULL,
    treatment    varchar(16)   NOT NULL,
    decided_at   timestamptz   NOT NULL,
    converted_at timestamptz   NOT NULL,
    revenue      numeric(14,2) NOT NULL,
    currency     varchar(3)    NOT NULL
);
CREATE INDEX ix_journey_conversion_decided ON journey_conversion (decided_at);
CREATE INDEX ix_journey_conversion_customer ON journey_conversion (customer_id);

-- Reports group decisions by when they were made.
CREATE INDEX ix_email_decision_decided ON email_decision (decided_at);
