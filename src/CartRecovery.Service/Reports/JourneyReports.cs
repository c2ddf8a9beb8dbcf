using System.Data;
using CartRecovery.Contracts;
using CartRecovery.Delivery.Experiments;
using CartRecovery.Delivery.Policy;
using CartRecovery.Dispatcher.Conversions;
using CartRecovery.Dispatcher.Decisions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CartRecovery.Service.Reports;

/// <summary>
/// Builds <see cref="JourneyReport"/> from the decision log, the conversions and the saga tables, at request time.
/// A step's cohort is every email request whose first decision falls in the period; what happened to it later
/// (a deferred email sent the next morning, an order within the attribution window) counts with it.
/// </summary>
public sealed class JourneyReports(NpgsqlDataSource dataSource, IOptions<ConversionOptions> conversionOptions)
{
    private static readonly string[] Kinds =
        [JourneyNames.CartAbandonment, JourneyNames.BrowseAbandonment, JourneyNames.PostPurchase, JourneyNames.Inactivity];

    // One row per email request (journey instance and step) entered in the period, with how it ended.
    private const string Requests = """
        WITH entered AS (
            SELECT DISTINCT journey_id, step FROM email_decision WHERE decided_at >= @from AND decided_at < @to
        ),
        requests AS (
            SELECT d.journey, d.step, d.journey_id,
                   CASE WHEN bool_or(d.outcome = @sent) THEN @sent
                        WHEN bool_or(d.outcome = @in_doubt) THEN @in_doubt
                        WHEN bool_or(d.outcome = @suppressed) THEN @suppressed
                        ELSE 'pending' END AS status,
                   (array_agg(d.rule ORDER BY d.decided_at DESC, d.id DESC) FILTER (WHERE d.outcome = @suppressed))[1] AS rule,
                   max(d.experiment) AS experiment, max(d.variant) AS variant
            FROM email_decision d JOIN entered e ON e.journey_id = d.journey_id AND e.step = d.step
            GROUP BY d.journey, d.step, d.journey_id
            HAVING min(d.decided_at) >= @from
        )
        """;

    public async Task<JourneyReport> Build(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for every query, so the figures add up even while decisions and orders keep arriving.
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var started = await Started(connection, from, to, cancellationToken);
        var requests = await StepRequestCounts(connection, from, to, cancellationToken);
        var conversions = await Conversions(connection, from, to, cancellationToken);
        var revenue = await Revenue(connection, from, to, cancellationToken);
        var variants = await VariantCounts(connection, from, to, cancellationToken);
        var variantRevenue = await VariantRevenues(connection, from, to, cancellationToken);
        await snapshot.CommitAsync(cancellationToken);

        var journeys = Kinds.Select(kind => new JourneyKindReport(
            kind,
            started.GetValueOrDefault(kind),
            [.. requests.Where(r => r.Journey == kind).Select(r => r.Step).Distinct().Order()
                .Select(step => StepReport(kind, step, requests, conversions, revenue))],
            [.. variants.Where(v => v.Journey == kind).Select(v => v.Experiment).Distinct().Order(StringComparer.Ordinal)
                .Select(experiment => ExperimentReport(kind, experiment, variants, variantRevenue))]))
            .ToList();
        return new JourneyReport(from, to, conversionOptions.Value.AttributionWindow, journeys);
    }

    private static JourneyStepReport StepReport(string journey, int step, List<StepRequestCount> requests,
        List<StepConversionCount> conversions, List<StepRevenue> revenue)
    {
        var ofStep = requests.Where(r => r.Journey == journey && r.Step == step).ToList();
        int Count(string status) => ofStep.Where(r => r.Status == status).Sum(r => r.Requests);
        var emailed = Count(DecisionOutcomes.Sent);
        var holdouts = ofStep.Where(r => r.Status == DecisionOutcomes.Suppressed && r.Rule == ContactRules.Holdout).Sum(r => r.Requests);

        TreatmentGroupReport Group(string treatment, int requested)
        {
            var credited = conversions.SingleOrDefault(c => c.Journey == journey && c.Step == step && c.Treatment == treatment);
            var converted = credited?.Converted ?? 0;
            return new TreatmentGroupReport(requested, converted, Rate(converted, requested), credited?.Orders ?? 0,
                revenue.Where(r => r.Journey == journey && r.Step == step && r.Treatment == treatment)
                    .ToDictionary(r => r.Currency, r => r.Amount));
        }

        var treated = Group(Treatments.Treated, emailed);
        var holdout = Group(Treatments.Holdout, holdouts);
        var median = conversions.SingleOrDefault(c => c.Journey == journey && c.Step == step && c.Treatment == Treatments.Treated)?.MedianSeconds;
        return new JourneyStepReport
        {
            Step = step,
            StepName = JourneyStepNames.For(journey, step),
            Entered = ofStep.Sum(r => r.Requests),
            Emailed = emailed,
            SuppressedByRule = ofStep.Where(r => r.Status == DecisionOutcomes.Suppressed)
                .GroupBy(r => r.Rule ?? "unknown").ToDictionary(g => g.Key, g => g.Sum(r => r.Requests)),
            InDoubt = Count(DecisionOutcomes.InDoubt),
            Pending = Count("pending"),
            SettledByLateEvent = ofStep.Where(r => r.Status == DecisionOutcomes.Suppressed && r.Rule == ContactRules.SettledByLateEvent)
                .Sum(r => r.Requests),
            Converted = treated.Converted,
            ConversionRate = treated.ConversionRate,
            RecoveredRevenue = treated.Revenue,
            MedianTimeFromEmailToConversion = median is { } seconds ? TimeSpan.FromSeconds(Math.Round(seconds)) : null,
            Treated = treated,
            Holdout = holdout,
            Uplift = treated.ConversionRate - holdout.ConversionRate,
        };
    }

    private static ExperimentReport ExperimentReport(string journey, string experiment, List<VariantCount> variants,
        List<VariantRevenue> revenue)
    {
        var arms = variants.Where(v => v.Journey == journey && v.Experiment == experiment).OrderBy(v => v.Variant, StringComparer.Ordinal)
            .Select(v => new VariantReport(v.Variant, v.Entered, v.Emailed, v.Converted, Rate(v.Converted, v.Emailed),
                revenue.Where(r => r.Journey == journey && r.Experiment == experiment && r.Variant == v.Variant)
                    .ToDictionary(r => r.Currency, r => r.Amount)))
            .ToList();
        var baseline = arms[0];
        return new ExperimentReport(experiment, arms,
            [.. arms.Skip(1).Select(arm => ConversionDifference.Between(
                baseline.Variant, baseline.Converted, baseline.Emailed, arm.Variant, arm.Converted, arm.Emailed))]);
    }

    private static double? Rate(int converted, int of) => of == 0 ? null : Math.Round((double)converted / of, 4);

    private static async Task<Dictionary<string, int>> Started(NpgsqlConnection connection, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        // Tombstones (an order or a cancellation that came before its journey) never ran: a cart tombstone is a
        // conversion without a single cart line, a post-purchase tombstone has no order behind it (no currency).
        const string sql = """
            SELECT 'cart-abandonment', count(*) FROM cart_abandonment_state
             WHERE started_at >= @from AND started_at < @to AND NOT (COALESCE(outcome, '') = 'converted' AND jsonb_array_length(lines) = 0)
            UNION ALL
            SELECT 'browse-abandonment', count(*) FROM browse_abandonment_state WHERE started_at >= @from AND started_at < @to
            UNION ALL
            SELECT 'post-purchase', count(*) FROM post_purchase_state
             WHERE started_at >= @from AND started_at < @to AND currency <> ''
            UNION ALL
            SELECT 'inactivity', count(*) FROM inactivity_state WHERE started_at >= @from AND started_at < @to
            """;
        var rows = await Read(connection, sql, from, to, r => (Journey: r.GetString(0), Count: (int)r.GetInt64(1)), cancellationToken);
        return rows.ToDictionary(r => r.Journey, r => r.Count);
    }

    private static Task<List<StepRequestCount>> StepRequestCounts(NpgsqlConnection connection, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken) =>
        Read(connection, Requests + """
            SELECT journey, step, status, CASE WHEN status = @suppressed THEN rule END, count(*)
            FROM requests GROUP BY 1, 2, 3, 4
            """, from, to,
            r => new StepRequestCount(r.GetString(0), r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), (int)r.GetInt64(4)),
            cancellationToken);

    private static Task<List<StepConversionCount>> Conversions(NpgsqlConnection connection, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken) =>
        Read(connection, Requests + """
            SELECT c.journey, c.step, c.treatment, count(DISTINCT c.journey_id), count(*),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.converted_at - c.decided_at))
            FROM journey_conversion c JOIN requests r ON r.journey_id = c.journey_id AND r.step = c.step
            GROUP BY 1, 2, 3
            """, from, to,
            r => new StepConversionCount(r.GetString(0), r.GetInt32(1), r.GetString(2), (int)r.GetInt64(3), (int)r.GetInt64(4),
                r.IsDBNull(5) ? null : r.GetDouble(5)),
            cancellationToken);

    // An experiment arm counts journeys, not steps: a journey's steps share its arm, and its order is credited once.
    private static Task<List<VariantCount>> VariantCounts(NpgsqlConnection connection, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken) =>
        Read(connection, Requests + """
            SELECT r.journey, r.experiment, r.variant, count(DISTINCT r.journey_id),
                   count(DISTINCT r.journey_id) FILTER (WHERE r.status = @sent),
                   count(DISTINCT c.journey_id)
            FROM requests r
            LEFT JOIN journey_conversion c ON c.journey_id = r.journey_id AND c.step = r.step AND c.treatment = @treated
            WHERE r.experiment IS NOT NULL AND r.variant IS NOT NULL
            GROUP BY 1, 2, 3
            """, from, to,
            r => new VariantCount(r.GetString(0), r.GetString(1), r.GetString(2), (int)r.GetInt64(3), (int)r.GetInt64(4), (int)r.GetInt64(5)),
            cancellationToken);

    private static Task<List<VariantRevenue>> VariantRevenues(NpgsqlConnection connection, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken) =>
        Read(connection, Requests + """
            SELECT r.journey, r.experiment, r.variant, c.currency, sum(c.revenue)
            FROM journey_conversion c JOIN requests r ON r.journey_id = c.journey_id AND r.step = c.step
            WHERE c.treatment = @treated AND r.experiment IS NOT NULL AND r.variant IS NOT NULL
            GROUP BY 1, 2, 3, 4
            """, from, to,
            r => new VariantRevenue(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDecimal(4)),
            cancellationToken);

    private static Task<List<StepRevenue>> Revenue(NpgsqlConnection connection, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken) =>
        Read(connection, Requests + """
            SELECT c.journey, c.step, c.treatment, c.currency, sum(c.revenue)
            FROM journey_conversion c JOIN requests r ON r.journey_id = c.journey_id AND r.step = c.step
            GROUP BY 1, 2, 3, 4
            """, from, to,
            r => new StepRevenue(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetDecimal(4)),
            cancellationToken);

    private static async Task<List<T>> Read<T>(NpgsqlConnection connection, string sql, DateTimeOffset from, DateTimeOffset to,
        Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        command.Parameters.AddWithValue("sent", DecisionOutcomes.Sent);
        command.Parameters.AddWithValue("suppressed", DecisionOutcomes.Suppressed);
        command.Parameters.AddWithValue("in_doubt", DecisionOutcomes.InDoubt);
        command.Parameters.AddWithValue("treated", Treatments.Treated);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
