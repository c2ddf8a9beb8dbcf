using FluentValidation;

namespace CartRecovery.Service.Ingest;

public sealed class IngestOptionsValidator : AbstractValidator<IngestOptions>
{
    public IngestOptionsValidator()
    {
        RuleFor(x => x.MaxBatchSize).InclusiveBetween(1, 10_000);
        RuleFor(x => x.PublishTimeout).GreaterThan(TimeSpan.Zero);
    }
}
