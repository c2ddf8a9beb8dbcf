-- Found by the scale benchmark (a million journeys, a million pending timers): the gauges read at every /metrics
-- scrape counted rows by scanning whole tables, the timer table's 260 MB among them. Each partial index holds only
-- the rows its gauge counts, usually none, so a scrape stays cheap however many timers wait or emails went out.
CREATE INDEX IF NOT EXISTS ix_scheduled_timer_redelivery ON scheduled_timer (due_at) WHERE is_redelivery;
CREATE INDEX IF NOT EXISTS ix_send_ledger_in_doubt ON send_ledger (claimed_at) WHERE status = 'claimed';
