-- Saga timers, deferred emails and scheduled redeliveries, one row per MassTransit schedule token. Written in the
-- message's own transaction (Schedule = upsert, Unschedule = delete), fired by every instance claiming due rows
-- with FOR UPDATE SKIP LOCKED: no shared lock row anywhere. A claim moves due_at forward by a lease; the row is
-- deleted once the broker confirmed the message, and is due again if the claiming instance died.
CREATE TABLE scheduled_timer (
    token_id        uuid PRIMARY KEY,
    due_at          timestamptz  NOT NULL,
    scheduled_for   timestamptz  NOT NULL,
    destination     text         NOT NULL,
    message_type    text         NOT NULL,
    body            text         NOT NULL,
    message_id      uuid         NOT NULL,
    conversation_id uuid,
    headers         jsonb        NOT NULL DEFAULT '{}',
    journey_id      uuid,
    customer_id     varchar(128),
    is_redelivery   boolean      NOT NULL DEFAULT false,
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      varchar(500)
);
CREATE INDEX ix_scheduled_timer_due ON scheduled_timer (due_at);
CREATE INDEX ix_scheduled_timer_journey ON scheduled_timer (journey_id) WHERE journey_id IS NOT NULL;
CREATE INDEX ix_scheduled_timer_customer ON scheduled_timer (customer_id) WHERE customer_id IS NOT NULL;

-- Timers whose message could not be read after a few attempts: kept with the reason, never retried, never lost.
CREATE TABLE dead_timer (
    LIKE scheduled_timer INCLUDING DEFAULTS,
    reason  varchar(1000) NOT NULL,
    died_at timestamptz   NOT NULL,
    PRIMARY KEY (token_id)
);
