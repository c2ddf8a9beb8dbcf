using CartRecovery.Contracts;
using CartRecovery.Dispatcher.Erasure;
using Npgsql;

namespace CartRecovery.Dispatcher.Cancellations;

/// <summary>
/// Asks, in the dispatcher's batch of reads since every email request asks, whether support has stopped it: the customer erased
/// after it was requested (<c>erased_customer</c>, by pseudonym) or its journey cancelled (<c>cancelled_journey</c>,
/// written before the journey hears of the cancel, so an email it requested meanwhile is caught here).
/// </summary>
public sealed class SupportStops(CustomerPseudonym pseudonyms)
{
    /// <summary>The statement that asks, for a caller that batches it with its other reads.</summary>
    public NpgsqlBatchCommand Command(SendJourneyEmail request) =>
        new("""
            SELECT EXISTS (SELECT 1 FROM erased_customer WHERE pseudonym = $1 AND erased_at >= $2),
                   EXISTS (SELECT 1 FROM cancelled_journey WHERE journey_id = $3)
            """)
        {
            Parameters =
            {
                new NpgsqlParameter<string> { TypedValue = pseudonyms.Of(request.CustomerId) },
                new NpgsqlParameter<DateTimeOffset> { TypedValue = request.RequestedAt },
                new NpgsqlParameter<Guid> { TypedValue = request.JourneyId },
            },
        };

    /// <summary>Reads the current result of <see cref="Command"/>.</summary>
    public static async Task<SupportStop> Read(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken);
        return reader.GetBoolean(0) ? SupportStop.CustomerErased
            : reader.GetBoolean(1) ? SupportStop.JourneyCancelled
            : SupportStop.None;
    }
}
