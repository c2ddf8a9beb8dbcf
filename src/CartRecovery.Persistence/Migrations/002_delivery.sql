-- What the dispatcher knows of a customer, projected from events. The only table holding an email address.
CREATE TABLE customer_profile (
    customer_id       varchar(128) PRIMARY KEY,
    email             varchar(320),
    first_name        varchar(100),
    time_zone         varchar(64),
    locale            varchar(35),
    marketing_consent boolean       NOT NULL DEFAULT false,
    unsubscribed      boolean       NOT NULL DEFAULT false,
    order_count       integer       NOT NULL DEFAULT 0,
    lifetime_value    numeric(14,2) NOT NULL DEFAULT 0,
    engagement_score  integer       NOT NULL DEFAULT 0,
    last_engaged_at   timestamptz,
    updated_at        timestamptz   NOT NULL
);

-- At most one email per (journey instance, step): claimed before SMTP, marked sent after the server's 250.
-- A row left 'claimed' is in doubt: reported, never resent.
CREATE TABLE send_ledger (
    journey_id  uuid         NOT NULL,
    step        integer      NOT NULL,
    journey     varchar(64)  NOT NULL,
    customer_id varchar(128) NOT NULL,
    status      varchar(16)  NOT NULL,
    message_id  varchar(200) NOT NULL,
    claimed_at  timestamptz  NOT NULL,
    sent_at     timestamptz,
    PRIMARY KEY (journey_id, step)
);
CREATE INDEX ix_send_ledger_customer_sent ON send_ledger (customer_id, sent_at);

-- Why each email was or was not sent: one row per decision, with the rule and the values that decided it.
CREATE TABLE email_decision (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    journey_id    uuid         NOT NULL,
    journey       varchar(64)  NOT NULL,
    step          integer      NOT NULL,
    customer_id   varchar(128) NOT NULL,
    outcome       varchar(16)  NOT NULL,
    rule          varchar(32)  NOT NULL,
    reason        text         NOT NULL,
    decision_values jsonb      NOT NULL,
    defer_until   timestamptz,
    message_id    varchar(200),
    discount_code varchar(32),
    decided_at    timestamptz  NOT NULL
);
CREATE INDEX ix_email_decision_journey ON email_decision (journey_id, decided_at);
CREATE INDEX ix_email_decision_customer ON email_decision (customer_id, decided_at);

-- One code per (journey instance, step): a retry gets the same code.
CREATE TABLE discount_code (
    code        varchar(32)  PRIMARY KEY,
    journey_id  uuid         NOT NULL,
    step        integer      NOT NULL,
    customer_id varchar(128) NOT NULL,
    percent     integer      NOT NULL,
    expires_at  timestamptz  NOT NULL,
    status      varchar(16)  NOT NULL,
    issued_at   timestamptz  NOT NULL,
    CONSTRAINT ux_discount_code_journey_step UNIQUE (journey_id, step)
);
