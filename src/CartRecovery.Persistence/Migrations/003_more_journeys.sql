-- One row per (customer, product) watched for browse abandonment; kept across rounds.
CREATE TABLE browse_abandonment_state (
    correlation_id        uuid PRIMARY KEY,
    current_state         varchar(64)  NOT NULL,
    version               integer      NOT NULL,
    customer_id           varchar(128) NOT NULL,
    sku                   varchar(64)  NOT NULL,
    product               jsonb        NOT NULL,
    started_at            timestamptz  NOT NULL,
    viewed_at             jsonb        NOT NULL,
    interest_shown_at     timestamptz,
    email_requested_at    timestamptz,
    emails_requested      integer      NOT NULL,
    email_journey_id      uuid,
    outcome               varchar(32),
    ended_at              timestamptz,
    order_id              uuid,
    recent_event_ids      uuid[]       NOT NULL,
    quiet_period_token_id uuid,
    cooldown_token_id     uuid
);
CREATE INDEX ix_browse_abandonment_state_customer ON browse_abandonment_state (customer_id);

-- One row per order followed after purchase.
CREATE TABLE post_purchase_state (
    correlation_id                uuid PRIMARY KEY,
    current_state                 varchar(64)   NOT NULL,
    version                       integer       NOT NULL,
    customer_id                   varchar(128)  NOT NULL,
    lines                         jsonb         NOT NULL,
    total                         numeric(14,2) NOT NULL,
    currency                      varchar(3)    NOT NULL,
    started_at                    timestamptz   NOT NULL,
    shipped_at                    timestamptz,
    delivered_at                  timestamptz,
    shipment_email_requested_at   timestamptz,
    review_email_requested_at     timestamptz,
    cross_sell_email_requested_at timestamptz,
    ended_at                      timestamptz,
    outcome                       varchar(32),
    review_request_token_id       uuid,
    cross_sell_token_id           uuid
);
CREATE INDEX ix_post_purchase_state_customer ON post_purchase_state (customer_id);

-- One row per customer for win-back.
CREATE TABLE inactivity_state (
    correlation_id                   uuid PRIMARY KEY,
    current_state                    varchar(64)  NOT NULL,
    version                          integer      NOT NULL,
    customer_id                      varchar(128) NOT NULL,
    started_at                       timestamptz  NOT NULL,
    last_activity_at                 timestamptz  NOT NULL,
    lapses                           integer      NOT NULL,
    lapse_journey_id                 uuid,
    lapsed_at                        timestamptz,
    re_engagement_email_requested_at timestamptz,
    win_back_email_requested_at      timestamptz,
    win_back_discount_percent        integer,
    unengaged_at                     timestamptz,
    reengaged_at                     timestamptz,
    recent_event_ids                 uuid[]       NOT NULL,
    inactivity_token_id              uuid,
    win_back_token_id                uuid,
    sunset_token_id                  uuid
);
CREATE INDEX ix_inactivity_state_customer ON inactivity_state (customer_id);
