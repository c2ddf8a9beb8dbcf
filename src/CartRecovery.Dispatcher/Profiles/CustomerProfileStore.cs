using CartRecovery.Delivery.Profiles;
using Npgsql;

namespace CartRecovery.Dispatcher.Profiles;

public sealed class CustomerProfileStore(NpgsqlDataSource dataSource)
{
    public async Task<CustomerProfile?> Find(string customerId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(FindCommand(customerId));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await Read(reader, customerId, cancellationToken);
    }

    /// <summary>The statement behind <see cref="Find"/>, for a caller that batches it with others.</summary>
    public static NpgsqlBatchCommand FindCommand(string customerId) =>
        new("""
            SELECT email, first_name, time_zone, locale, marketing_consent, unsubscribed, order_count, lifetime_value,
                   engagement_score, last_engaged_at
            FROM customer_profile WHERE customer_id = $1
            """)
        {
            Parameters = { new NpgsqlParameter<string> { TypedValue = customerId } },
        };

    /// <summary>Reads the current result of <see cref="FindCommand"/>: the profile, or null when there is none.</summary>
    public static async Task<CustomerProfile?> Read(NpgsqlDataReader reader, string customerId, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new CustomerProfile
        {
            CustomerId = customerId,
            Email = reader.IsDBNull(0) ? null : reader.GetString(0),
            FirstName = reader.IsDBNull(1) ? null : reader.GetString(1),
            TimeZone = reader.IsDBNull(2) ? null : reader.GetString(2),
            Locale = reader.IsDBNull(3) ? null : reader.GetString(3),
            MarketingConsent = reader.GetBoolean(4),
            Unsubscribed = reader.GetBoolean(5),
            OrderCount = reader.GetInt32(6),
            LifetimeValue = reader.GetDecimal(7),
            EngagementScore = reader.GetInt32(8),
            LastEngagedAt = reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
        };
    }
}
