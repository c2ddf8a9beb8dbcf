namespace CartRecovery.Persistence.Outbox;

/// <summary>The transaction a message shared with others rolled back (another message failed, or the shared commit
/// did); nothing of this message was kept, and its next attempt runs in a transaction of its own.</summary>
public sealed class TransactionGroupFailedException(Exception inner)
    : Exception("The transaction this message shared with others rolled back; it runs again on its own.", inner);
