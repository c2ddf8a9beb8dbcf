using CartRecovery.Contracts;
using CartRecovery.Delivery.Policy;
using CartRecovery.Dispatcher.Cancellations;
using CartRecovery.Dispatcher.Ledger;
using CartRecovery.Dispatcher.Profiles;
using Npgsql;

namespace CartRecovery.Dispatcher.Decisions;

/// <summary>Reads the <see cref="RequestFacts"/> of an email request in one round trip: four reads that each took
/// their own before. None locks anything; the claim checks again, under the customer's lock, what must not race.</summary>
public sealed class RequestFactsReader(NpgsqlDataSource dataSource, SupportStops supportStops)
{
    public async Task<RequestFacts> Read(SendJourneyEmail request, ContactRequest contact, DateTimeOffset slotsSince, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(SendLedger.FindCommand(request.JourneyId, request.Step));
        batch.BatchCommands.Add(supportStops.Command(request));
        batch.BatchCommands.Add(CustomerProfileStore.FindCommand(request.CustomerId));
        batch.BatchCommands.Add(SendLedger.SlotsCommand(contact, slotsSince));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var entry = await SendLedger.ReadEntry(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var stop = await SupportStops.Read(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var profile = await CustomerProfileStore.Read(reader, request.CustomerId, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var slots = await SendLedger.ReadSlots(reader, cancellationToken);
        return new RequestFacts(entry, stop, profile, slots);
    }
}
