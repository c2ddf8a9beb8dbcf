using FluentValidation;

namespace CartRecovery.Persistence.Outbox;

public sealed class OutboxOptionsValidator : AbstractValidator<OutboxOptions>
{
    public OutboxOptionsValidator()
    {
        RuleFor(x => x.DuplicateDetectionWindow).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.MessageDeliveryTimeout).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.SweepInterval).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.SweepAfter).GreaterThan(x => x.MessageDeliveryTimeout)
            .WithMessage("'Sweep After' must be longer than 'Message Delivery Timeout', or the sweeper races a delivery still waiting for its confirm.");
        RuleFor(x => x.SweepBatchSize).InclusiveBetween(1, 10_000);
        RuleFor(x => x.MaxMessagesPerTransaction).InclusiveBetween(1, 1_000);
    }
}
