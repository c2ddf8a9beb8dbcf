-- An outbox row is written in the transaction that writes its inbox row, and goes in the same statement that marks that
-- inbox row delivered; retention purges only delivered inbox rows. The key checked that on every insert with a
-- row lock on the inbox row, one statement in six of a message that publishes, and its cascade never had a row to
-- delete. The index that finds a message's rows stays.
ALTER TABLE outbox_message DROP CONSTRAINT IF EXISTS fk_outbox_message_inbox;
