-- The inactivity journey can now be ended by hand, so it records an outcome and an end like the others.
-- Customers already sunset get the outcome they would have had.
ALTER TABLE inactivity_state ADD COLUMN outcome varchar(32);
ALTER TABLE inactivity_state ADD COLUMN ended_at timestamptz;
UPDATE inactivity_state SET outcome = 'unengaged' WHERE current_state = 'Unengaged';

-- Journeys support cancelled, by the ids their emails are requested under: the dispatcher sends none of them.
CREATE TABLE cancelled_journey (
    journey_id   uuid PRIMARY KEY,
    cancelled_at timestamptz NOT NULL
);

-- Customers erased, by pseudonym only: an email requested before the erasure and still on its way is suppressed.
CREATE TABLE erased_customer (
    pseudonym varchar(64) PRIMARY KEY,
    erased_at timestamptz NOT NULL
);

-- Orders credited to email decisions within the attribution window: per order, the last sent email before it
-- (treated) and, separately, the last holdout suppression before it (the control group), so a holdout's
-- conversions are not taken by another journey's email. Revenue is the order total in its own currency.
CREATE TABLE journey_conversion (
    order_id     uuid          NOT NULL,
    treatment    varchar(16)   NOT NULL,
    journey_id   uuid          NOT NULL,
    journey      varchar(64)   NOT NULL,
    step         integer       NOT NULL,
    customer_id  varchar(128)  NOT NULL,
    decided_at   timestamptz   NOT NULL,
    converted_at timestamptz   NOT NULL,
    revenue      numeric(14,2) NOT NULL,
    currency     varchar(3)    NOT NULL,
    PRIMARY KEY (order_id, treatment)
);
CREATE INDEX ix_journey_conversion_journey_step ON journey_conversion (journey_id, step);
CREATE INDEX ix_journey_conversion_customer ON journey_conversion (customer_id);

-- Reports find the email requests of a period by when they were decided.
CREATE INDEX ix_email_decision_decided ON email_decision (decided_at);
