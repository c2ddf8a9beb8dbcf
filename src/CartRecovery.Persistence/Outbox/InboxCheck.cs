namespace CartRecovery.Persistence.Outbox;

/// <summary>When a message transaction learns whether an earlier delivery of the message was consumed.</summary>
public enum InboxCheck
{
    /// <summary>Before any consumer runs: the inbox row is inserted and locked first. For endpoints whose consumers
    /// act outside the transaction (the dispatcher claims a send and talks to SMTP), so a duplicate never reaches them.</summary>
    BeforeConsumers,

    /// <summary>With the commit: the inbox row is the first write of the batch, one statement and one round trip
    /// fewer. Only for endpoints whose every effect is inside the transaction, since a duplicate runs the consumers
    /// before it rolls back. A delivery the broker marks redelivered is still checked first.</summary>
    AtCommit,
}
