using MassTransit;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Makes every send to a destination whose address contains a marker fail, as a broker that refuses or
/// a host that dies mid-delivery would.</summary>
public sealed class FailSendsTo(string addressMarker) : IFilter<SendContext>
{
    public Task Send(SendContext context, IPipe<SendContext> next) =>
        context.DestinationAddress?.ToString().Contains(addressMarker, StringComparison.Ordinal) == true
            ? throw new InvalidOperationException($"Delivery to {addressMarker} refused by the spec")
            : next.Send(context);

    public void Probe(ProbeContext context) => context.CreateFilterScope("fail-sends");
}
