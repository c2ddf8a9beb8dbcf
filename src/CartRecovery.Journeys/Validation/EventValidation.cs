using CartRecovery.Journeys.Telemetry;
using FluentValidation;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Journeys.Validation;

/// <summary>Validates an inbound message that has validators. An invalid message is recorded and faulted, so
/// MassTransit moves it to the endpoint's error queue with the reasons.</summary>
public sealed class EventValidation(IServiceProvider services, IRejectedEventRecorder recorder, CartRecoveryMetrics metrics, TimeProvider clock)
{
    public async Task Validate<T>(ConsumeContext<T> context)
        where T : class
    {
        var validators = services.GetServices<IValidator<T>>().ToList();
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
                    Endpoint = context.ReceiveContext.InputAddress.AbsolutePath.Trim('/').Split('/')[^1],
                },
                context.CancellationToken);
            metrics.EventRejected(messageType);
            throw new InvalidEventException(messageType, errors);
        }

        if (validators.Count > 0)
        {
            metrics.EventConsumed(typeof(T).Name);
        }
    }
}
