using Npgsql;

namespace CartRecovery.Dispatcher.Erasure;

/// <summary>When each erased customer was erased, by pseudonym. An email requested before that moment but still on
/// its way is suppressed and logged under the pseudonym, so it neither goes out nor writes the id back.</summary>
public sealed class ErasedCustomers(NpgsqlDataSource dataSource)
{
    public async Task<DateTimeOffset?> ErasedAt(string customerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT erased_at FROM erased_customer WHERE pseudonym = @pseudonym");
        command.Parameters.AddWithValue("pseudonym", CustomerPseudonym.Of(customerId));
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime erasedAt
            ? new DateTimeOffset(erasedAt, TimeSpan.Zero)
            : null;
    }
}
