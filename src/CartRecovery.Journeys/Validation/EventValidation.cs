using System.Collections.Concurrent;
using CartRecovery.Journeys.Telemetry;
using FluentValidation;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Journeys.Validation;

/// <summary>Validates an inbound message that has validators. An invalid message is recorded and faulted, so
/// MassTransit moves it to the endpoint's error queue with the reasons.</summary>
public sealed class EventValidation(IServiceProvider services, IRejectedEventRecorder recorder, CartRecoveryMetrics metrics, TimeProvider clock)
{
    // Validators are singletons: resolved once per message type, not once per message.
    private readonly ConcurrentDictionary<Type, object> _validators = new();

    public async Task Validate<T>(ConsumeContext<T> context)
        where T : class
    {
        var validators = (IValidator<T>[])_validators.GetOrAdd(
            typeof(T), static (_, provider) => provider.GetServices<IValidator<T>>().ToArray(), services);
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

        if (validators.Length > 0)
        {
            metrics.EventConsumed(typeof(T).Name);
        }
    }
}
