using System.Diagnostics.Metrics;

namespace CartRecovery.Journeys.Telemetry;

/// <summary>The numbers operators watch. Tags are kinds and outcomes only, never customer data.</summary>
public sealed class CartRecoveryMetrics
{
    public const string MeterName = "CartRecovery";

    private readonly Counter<long> _eventsConsumed;
    private readonly Counter<long> _eventsRejected;
    private readonly Counter<long> _emailDecisions;
    private readonly Counter<long> _emailsSettled;
    private readonly Counter<long> _journeysStarted;
    private readonly Counter<long> _journeysEnded;
    private readonly Counter<long> _conversions;
    private readonly Counter<double> _attributedRevenue;
    private readonly Histogram<double> _timerLag;

    public CartRecoveryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _eventsConsumed = meter.CreateCounter<long>("cartrecovery.events.consumed", description: "Inbound events that passed validation, per type");
        _eventsRejected = meter.CreateCounter<long>("cartrecovery.events.rejected", description: "Inbound events refused by validation, per type");
        _emailDecisions = meter.CreateCounter<long>("cartrecovery.emails", description: "Email decisions per journey, outcome and rule");
        _emailsSettled = meter.CreateCounter<long>("cartrecovery.emails.settled", description: "Emails not sent because an order, checkout or cancel reached the journey within the settle window, per journey, step and late event");
        _journeysStarted = meter.CreateCounter<long>("cartrecovery.journeys.started", description: "Journeys (or rounds of a journey) started per kind");
        _journeysEnded = meter.CreateCounter<long>("cartrecovery.journeys.ended", description: "Journeys (or rounds of a journey) ended per kind and outcome, recovered carts among them");
        _conversions = meter.CreateCounter<long>("cartrecovery.conversions", description: "Orders credited to the last email decision within the attribution window, per journey, step and treatment (treated or holdout)");
        _attributedRevenue = meter.CreateCounter<double>("cartrecovery.conversions.revenue", description: "Order totals credited within the attribution window, per journey, treatment and currency; an order can be credited to both groups, so recovered revenue is treatment=treated only");
        _timerLag = meter.CreateHistogram<double>("cartrecovery.timer.lag", unit: "ms", description: "From a timer's due time to its send");
    }

    public void EventConsumed(string type) => _eventsConsumed.Add(1, new KeyValuePair<string, object?>("type", type));

    public void EventRejected(string type) => _eventsRejected.Add(1, new KeyValuePair<string, object?>("type", type));

    public void EmailDecided(string journey, string outcome, string rule) =>
        _emailDecisions.Add(1, new("journey", journey), new("outcome", outcome), new("rule", rule));

    public void EmailSettled(string journey, int step, string lateEvent) =>
        _emailsSettled.Add(1, new("journey", journey), new("step", step), new("event", lateEvent));

    public void JourneyStarted(string journey) => _journeysStarted.Add(1, new KeyValuePair<string, object?>("journey", journey));

    public void JourneyEnded(string journey, string outcome) =>
        _journeysEnded.Add(1, new KeyValuePair<string, object?>("journey", journey), new KeyValuePair<string, object?>("outcome", outcome));

    public void Converted(string journey, int step, string treatment, decimal revenue, string currency)
    {
        _conversions.Add(1, new("journey", journey), new("step", step), new("treatment", treatment));
        _attributedRevenue.Add((double)revenue, new("journey", journey), new("treatment", treatment), new("currency", currency));
    }

    public void TimerFired(TimeSpan lag) => _timerLag.Record(Math.Max(0, lag.TotalMilliseconds));
}
