-- Saga state of the cart-abandonment journey. Finalized rows stay: they answer support and keep late events
-- from starting the journey again.
CREATE TABLE cart_abandonment_state (
    correlation_id              uuid PRIMARY KEY,
    current_state               varchar(64)  NOT NULL,
    version                     integer      NOT NULL,
    customer_id                 varchar(128) NOT NULL,
    lines                       jsonb        NOT NULL,
    started_at                  timestamptz  NOT NULL,
    last_activity_at            timestamptz  NOT NULL,
    abandoned_at                timestamptz,
    recovery_email_requested_at timestamptz,
    discount_email_requested_at timestamptz,
    discount_percent            integer,
    ended_at                    timestamptz,
    outcome                     varchar(32),
    order_id                    uuid,
    recent_event_ids            uuid[]       NOT NULL,
    idle_timeout_token_id       uuid,
    discount_follow_up_token_id uuid,
    expiry_token_id             uuid
);
CREATE INDEX ix_cart_abandonment_state_customer ON cart_abandonment_state (customer_id);

-- Transactional inbox: one row per (message, consumer); the row lock serialises redeliveries.
CREATE TABLE inbox_state (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id           uuid        NOT NULL,
    consumer_id          uuid        NOT NULL,
    lock_id              uuid        NOT NULL,
    received             timestamptz NOT NULL,
    receive_count        integer     NOT NULL,
    expiration_time      timestamptz,
    consumed             timestamptz,
    delivered            timestamptz,
    last_sequence_number bigint,
    CONSTRAINT ux_inbox_state_message_consumer UNIQUE (message_id, consumer_id)
);
CREATE INDEX ix_inbox_state_delivered ON inbox_state (delivered);

-- Transactional outbox: what a consumer sent or published, committed with its state, delivered afterwards.
CREATE TABLE outbox_message (
    sequence_number     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    inbox_message_id    uuid         NOT NULL,
    inbox_consumer_id   uuid         NOT NULL,
    message_id          uuid         NOT NULL,
    enqueue_time        timestamptz,
    sent_time           timestamptz  NOT NULL,
    headers             text,
    properties          text,
    content_type        varchar(256) NOT NULL,
    message_type        text         NOT NULL,
    body                text         NOT NULL,
    conversation_id     uuid,
    correlation_id      uuid,
    initiator_id        uuid,
    request_id          uuid,
    source_address      varchar(256),
    destination_address varchar(256),
    response_address    varchar(256),
    fault_address       varchar(256),
    expiration_time     timestamptz,
    CONSTRAINT fk_outbox_message_inbox FOREIGN KEY (inbox_message_id, inbox_consumer_id)
        REFERENCES inbox_state (message_id, consumer_id) ON DELETE CASCADE
);
CREATE INDEX ix_outbox_message_inbox ON outbox_message (inbox_message_id, inbox_consumer_id, sequence_number);

-- Events refused by validation, beside their copy in the error queue. Reasons name fields, never values.
CREATE TABLE rejected_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id   uuid,
    message_type varchar(128) NOT NULL,
    endpoint     varchar(128) NOT NULL,
    errors       text[]       NOT NULL,
    rejected_at  timestamptz  NOT NULL
);
CREATE INDEX ix_rejected_event_rejected_at ON rejected_event (rejected_at);
