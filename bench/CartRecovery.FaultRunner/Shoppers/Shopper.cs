using System.Text.Json.Nodes;
using CartRecovery.FaultRunner.Infrastructure;

namespace CartRecovery.FaultRunner.Shoppers;

/// <summary>One customer with one cart, what they do (groups of events, one group per producer tick) and which of
/// the cart journey's emails they must get.</summary>
internal sealed class Shopper(string customerId, Cohort cohort, IReadOnlyList<int> expectedSteps)
{
    private readonly List<int> _expectedSteps = [.. expectedSteps];

    public string CustomerId { get; } = customerId;
    public Guid CartId { get; } = Guid.NewGuid();
    public Cohort Cohort { get; } = cohort;
    public IReadOnlyList<int> ExpectedSteps => _expectedSteps;
    public List<IReadOnlyList<JsonObject>> Groups { get; } = [];

    /// <summary>When the producer's last group of this shopper was accepted: the idle window starts about here.</summary>
    public DateTimeOffset? LastAcceptedAt { get; set; }

    /// <summary>When a mid-journey unsubscribe or erasure was committed.</summary>
    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>A step that legitimately went out before the shopper stopped.</summary>
    public void AlsoExpect(int step)
    {
        if (!_expectedSteps.Contains(step))
        {
            _expectedSteps.Add(step);
        }
    }

    public IEnumerable<EmailKey> ExpectedEmails => ExpectedSteps.Select(s => new EmailKey(CartId, s));

    public int EventCount => Groups.Sum(g => g.Count);

    /// <summary>Roughly when the step falls due, to tell emails due during a fault from later ones.</summary>
    public DateTimeOffset? DueAt(int step, ScenarioTimings timings) =>
        LastAcceptedAt + timings.IdleTimeout + (step > 1 ? timings.DiscountFollowUpDelay : TimeSpan.Zero);
}
