using System.Text.Json.Nodes;
using CartRecovery.FaultRunner.Reporting;
using CartRecovery.FaultRunner.Shoppers;

namespace CartRecovery.FaultRunner.Scenarios;

/// <summary>Poison straight onto the broker between the shoppers' requests (an invalid event, a body that is not
/// JSON, an event missing a required field), and invalid batches at the HTTP door. The poison must land in
/// <c>_error</c> with its reason and hold up nothing; the door must refuse the invalid batches whole.</summary>
internal sealed class F6PoisonMixedIn : Scenario
{
    private const string EnvelopeType = "application/vnd.masstransit+json";
    private int _poison;
    private int _refused;
    private int _invalidBatches;

    public override string Id => "F6";
    public override string Title => "poison and invalid messages mixed in";

    protected override async Task Drive(ScenarioContext context)
    {
        await context.StartInstance();
        context.Shoppers.AddRange(context.Factory.Standard());
        var stream = new ShopperStream(context.Shoppers, context.Producer, context.Timings)
        {
            BeforeTick = tick => tick % 3 == 0 ? MixIn(context) : Task.CompletedTask,
        };
        await stream.Run();
        context.ExtraEvents = _poison;
        context.Check(_poison > 0, $"{_poison} poison messages published to the broker between the shoppers' requests");
        context.Check(_refused == _invalidBatches, $"{_refused} of {_invalidBatches} invalid HTTP batches refused whole (400)");
    }

    protected override async Task Judge(ScenarioContext context, ScenarioResult result)
    {
        if (result.InDoubt != 0)
        {
            result.Failures.Add($"{result.InDoubt} in doubt");
        }

        var reasons = await context.Broker.ErrorReasons();
        if (reasons.Count < _poison)
        {
            result.Failures.Add($"{reasons.Count} messages in error queues for {_poison} poison messages");
        }

        if (reasons.Any(string.IsNullOrWhiteSpace))
        {
            result.Failures.Add($"{reasons.Count(string.IsNullOrWhiteSpace)} error-queue messages carry no reason");
        }

        var rejected = await context.Database.Count("SELECT count(*) FROM rejected_event");
        result.Notes.Add($"The {result.ErrorQueueMessages} error-queue messages are the {_poison} poison messages, one copy in each "
            + $"queue that consumes the type, each with its reason (e.g. \"{Shorten(reasons.FirstOrDefault(r => r is not null))}\"); "
            + $"{rejected} invalid events recorded in rejected_event. The shoppers' emails went out as if there were no poison.");
    }

    private static string Shorten(string? reason) => reason is null ? "" : reason.Length > 90 ? reason[..90] + "…" : reason;

    private async Task MixIn(ScenarioContext context)
    {
        var cartId = Guid.NewGuid();
        var invalid = new JsonObject
        {
            ["eventId"] = Guid.NewGuid(),
            ["occurredAt"] = DateTimeOffset.UtcNow,
            ["customerId"] = "f6-poison",
            ["cartId"] = cartId,
            ["item"] = new JsonObject { ["sku"] = "", ["name"] = "Broken", ["unitPrice"] = -1, ["currency"] = "eur", ["quantity"] = 0 },
        };
        var missingCustomer = invalid.DeepClone().AsObject();
        missingCustomer.Remove("customerId");
        missingCustomer["eventId"] = Guid.NewGuid();
        missingCustomer["item"] = ShopEvents.Line("SKU-A");

        await context.Broker.PublishRaw("CartItemAdded", EnvelopeType, Envelope("CartItemAdded", invalid));
        await context.Broker.PublishRaw("CartItemAdded", EnvelopeType, Envelope("CartItemAdded", missingCustomer));
        await context.Broker.PublishRaw("CartItemAdded", EnvelopeType, "{\"messageType\": [\"urn:message:CartRecovery.Contracts:CartItemAdded\"], \"message\": {not json");
        _poison += 3;

        var batch = new JsonArray(ShopEvents.ItemAdded(new Shopper("f6-door", Cohort.Abandoner, []), "SKU-A", DateTimeOffset.UtcNow), invalid.DeepClone());
        batch[1]!["type"] = "cart.item_added";
        _invalidBatches++;
        if (await context.Producer.PostRejected(batch))
        {
            _refused++;
        }
    }

    private static string Envelope(string type, JsonObject message) => new JsonObject
    {
        ["messageId"] = message["eventId"]!.DeepClone(),
        ["messageType"] = new JsonArray($"urn:message:CartRecovery.Contracts:{type}"),
        ["message"] = message.DeepClone(),
        ["sentTime"] = DateTimeOffset.UtcNow,
    }.ToJsonString();
}
