using MassTransit;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Holds every send to a destination whose address contains a marker until the sender gives up, as a
/// broker that went away mid-delivery does: no confirm ever comes.</summary>
public sealed class HoldSendsTo(string addressMarker) : IFilter<SendContext>
{
    public async Task Send(SendContext context, IPipe<SendContext> next)
    {
        if (context.DestinationAddress?.ToString().Contains(addressMarker, StringComparison.Ordinal) == true)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
        }

        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("hold-sends");
}
