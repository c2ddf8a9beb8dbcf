-- Emails that would take a customer's last free slot register here while they wait the contention window, so the
-- claim (serialised per customer) can give the slot to the highest-priority one. A row leaves when its email claims
-- or is held back; rows older than the window plus a send are ignored, so a crashed contender blocks nobody.
CREATE TABLE send_contender (
    journey_id    uuid         NOT NULL,
    step          integer      NOT NULL,
    journey       varchar(64)  NOT NULL,
    customer_id   varchar(128) NOT NULL,
    requested_at  timestamptz  NOT NULL,
    registered_at timestamptz  NOT NULL,
    PRIMARY KEY (journey_id, step)
);
CREATE INDEX ix_send_contender_customer ON send_contender (customer_id, registered_at);

-- The cap counts claims as well as sends: find a customer's recent claims without scanning.
CREATE INDEX ix_send_ledger_customer_claimed ON send_ledger (customer_id, claimed_at);
