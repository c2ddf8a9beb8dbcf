using FluentValidation;
using CartRecovery.Journeys.Telemetry;
using MassTransit;

namespace CartRecovery.Journeys.Validation;

/// <summary>Validates every inbound message that has a validator before any saga sees it. An invalid message is
/// recorded and faulted, so MassTransit moves it to the endpoint's error queue with the reasons.</summary>
public sealed class ValidationFilter<T>(
    IEnumerable<IValidator<T>> validators,
    IRejectedEventRecorder recorder,
    CartRecoveryMetrics metrics,
    TimeProvider clock)
    : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        List<string>? errors = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(context.Message, context.CancellationToken);
            if (!result.IsValid)
            {
                errors ??= [];
                errors.AddRange(result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
            }
        }

        if (errors is not null)
        {
            var messageType = typeof(T).Name;
            await recorder.RecordAsync(
                new RejectedEvent
                {
                    MessageId = context.MessageId,
                    MessageType = messageType,
                    Errors = errors,
                    RejectedAt = clock.GetUtcNow(),
                    Endpoint = context.ReceiveContext.InputAddress.AbsolutePath.Trim('/'),
                },
                context.CancellationToken);
            metrics.EventRejected(messageType);
            throw new InvalidEventException(messageType, errors);
        }

        if (validators.Any())
        {
            metrics.EventConsumed(typeof(T).Name);
        }

        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("validation");
}
