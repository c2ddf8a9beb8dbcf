using System.Globalization;
using System.Text.RegularExpressions;
using CartRecovery.FaultRunner.Reporting;

namespace CartRecovery.FaultRunner.Scenarios;

/// <summary>The relay takes the message data of a few recovery emails and drops the connection without answering.
/// The service cannot know whether they arrived: each must be counted in doubt, never resent, and shown as such by
/// the support API and the in-doubt gauge.</summary>
internal sealed partial class F11RelayDropsAfterData(int drops) : Scenario
{
    public override string Id => "F11";
    public override string Title => $"SMTP relay drops the connection after DATA ({drops} sends)";

    protected override Task Drive(ScenarioContext context)
    {
        context.Relay.DropAfterData(drops, e => e.Step == 1);
        return StreamWith(context, _ => Task.CompletedTask);
    }

    protected override async Task Judge(ScenarioContext context, ScenarioResult result)
    {
        if (result.ErrorQueueMessages != 0)
        {
            result.Failures.Add($"{result.ErrorQueueMessages} messages in error queues");
        }

        var dropped = context.Relay.Dropped.Select(e => e.Key).ToHashSet();
        context.Check(dropped.Count == drops, $"the relay dropped {dropped.Count} connections after the message data");
        var inDoubt = (await context.Database.InDoubt(Scenarios.ScenarioContext.LongestSend)).ToHashSet();
        if (!inDoubt.SetEquals(dropped))
        {
            result.Failures.Add($"in doubt {inDoubt.Count} is not exactly the {dropped.Count} dropped sends");
        }

        var shown = 0;
        foreach (var shopper in context.Shoppers.Where(s => dropped.Contains(new Infrastructure.EmailKey(s.CartId, 1))))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/customers/{shopper.CustomerId}/journeys", UriKind.Relative));
            request.Headers.Add("X-Api-Key", ScenarioContext.ApiKey);
            using var response = await context.Instances[0].Http.SendAsync(request);
            shown += (await response.Content.ReadAsStringAsync()).Contains("in-doubt", StringComparison.Ordinal) ? 1 : 0;
        }

        if (shown != dropped.Count)
        {
            result.Failures.Add($"support shows {shown} of {dropped.Count} in-doubt emails");
        }

        var metrics = await context.Instances[0].Http.GetStringAsync(new Uri("metrics", UriKind.Relative));
        var gauge = InDoubtGauge().Match(metrics) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
        if ((int)gauge != dropped.Count)
        {
            result.Failures.Add($"cartrecovery_ledger_in_doubt reads {gauge}, not {dropped.Count}");
        }

        result.Notes.Add($"In doubt: the {dropped.Count} recovery emails whose connection the relay dropped after their data; none was "
            + $"resent, support lists each as in-doubt and cartrecovery_ledger_in_doubt reads {gauge}.");
    }

    [GeneratedRegex(@"^cartrecovery_ledger_in_doubt(?:\{[^}]*\})?\s+([0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex InDoubtGauge();
}
