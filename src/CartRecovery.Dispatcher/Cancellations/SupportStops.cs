using CartRecovery.Contracts;
using CartRecovery.Dispatcher.Erasure;
using Npgsql;

namespace CartRecovery.Dispatcher.Cancellations;

/// <summary>
/// Asks, in one round trip since every email request asks, whether support has stopped it: the customer erased
/// after it was requested (<c>erased_customer</c>, by pseudonym) or its journey cancelled (<c>cancelled_journey</c>,
/// written before the journey hears of the cancel, so an email it requested meanwhile is caught here).
/// </summary>
public sealed class SupportStops(NpgsqlDataSource dataSource, CustomerPseudonym pseudonyms)
{
    public async Task<SupportStop> For(SendJourneyEmail request, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM erased_customer WHERE pseudonym = @pseudonym AND erased_at >= @requested_at),
                   EXISTS (SELECT 1 FROM cancelled_journey WHERE journey_id = @journey_id)
            """);
        command.Parameters.AddWithValue("pseudonym", pseudonyms.Of(request.CustomerId));
        command.Parameters.AddWithValue("requested_at", request.RequestedAt);
        command.Parameters.AddWithValue("journey_id", request.JourneyId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetBoolean(0) ? SupportStop.CustomerErased
            : reader.GetBoolean(1) ? SupportStop.JourneyCancelled
            : SupportStop.None;
    }
}
