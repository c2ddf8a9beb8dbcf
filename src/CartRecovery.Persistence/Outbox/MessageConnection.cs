using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace CartRecovery.Persistence.Outbox;

/// <summary>
/// The connection and transaction the current message's statements run on: the message's own, or one it shares with
/// other messages of its endpoint (<see cref="TransactionGroup"/>). On a shared connection, a statement that runs
/// while the consumers do waits for its turn (<see cref="Turn"/>): a connection runs one command at a time.
/// </summary>
public sealed class MessageConnection
{
    private SemaphoreSlim? _turns;

    public NpgsqlConnection? Connection { get; private set; }

    public NpgsqlTransaction? Transaction { get; private set; }

    [MemberNotNullWhen(true, nameof(Connection), nameof(Transaction))]
    public bool IsOpen => Transaction is not null && Connection is not null;

    /// <summary>Whether other messages' statements run in this transaction too.</summary>
    public bool IsShared => _turns is not null;

    public void Use(NpgsqlConnection connection, NpgsqlTransaction transaction, SemaphoreSlim? turns = null)
    {
        Connection = connection;
        Transaction = transaction;
        _turns = turns;
    }

    public void Clear()
    {
        Connection = null;
        Transaction = null;
        _turns = null;
    }

    /// <summary>Waits until this message may run a command on the connection; dispose the turn when its reader is done.</summary>
    public async ValueTask<ConnectionTurn> Turn(CancellationToken cancellationToken)
    {
        var turns = _turns;
        if (turns is null)
        {
            return default;
        }

        await turns.WaitAsync(cancellationToken);
        return new ConnectionTurn(turns);
    }
}
