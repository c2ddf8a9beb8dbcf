using MassTransit;

namespace CartRecovery.IntegrationTests.Infrastructure;

public sealed class FaultInjection
{
    public Func<ConsumeContext, bool> When { get; set; } = _ => false;

    public bool ShouldFail(ConsumeContext context) => When(context);
}
