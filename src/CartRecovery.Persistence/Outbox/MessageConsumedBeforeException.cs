namespace CartRecovery.Persistence.Outbox;

/// <summary>A delivery that wrote its inbox row at commit collided with the row already there: another delivery of the
/// same message committed first, so this one rolls back and is handled as a redelivery.</summary>
public sealed class MessageConsumedBeforeException(Exception inner) : Exception("Another delivery of this message committed first.", inner);
