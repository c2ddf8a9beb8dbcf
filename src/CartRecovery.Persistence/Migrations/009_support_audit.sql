-- Every support action (cancel, erase): who (the API key's name), what, on which target, when, and how it ended.
-- An erased customer appears by pseudonym only, so the log itself holds no customer id to erase.
CREATE TABLE support_audit (
    id          bigserial    PRIMARY KEY,
    occurred_at timestamptz  NOT NULL,
    actor       varchar(64)  NOT NULL,
    action      varchar(32)  NOT NULL,
    target      varchar(128) NOT NULL,
    result      varchar(32)  NOT NULL
);
CREATE INDEX ix_support_audit_occurred ON support_audit (occurred_at);
