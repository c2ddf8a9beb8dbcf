using CartRecovery.Journeys.Validation;
using MassTransit;

namespace CartRecovery.Journeys.Configuration;

/// <summary>Validates each message once, before any consumer or saga of the endpoint sees it.</summary>
public sealed class JourneyValidationFilter(JourneyMessageTypes types, EventValidation validation) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        if (types.Of(context) is { } type)
        {
            await type.Validate(context, validation);
        }

        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("validation");
}
