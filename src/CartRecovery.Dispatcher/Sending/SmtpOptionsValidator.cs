using FluentValidation;

namespace CartRecovery.Dispatcher.Sending;

public sealed class SmtpOptionsValidator : AbstractValidator<SmtpOptions>
{
    public SmtpOptionsValidator()
    {
        RuleFor(x => x.Host).NotEmpty();
        RuleFor(x => x.Port).InclusiveBetween(1, 65535);
        RuleFor(x => x.FromAddress).NotEmpty().EmailAddress();
        RuleFor(x => x.MessageIdDomain).NotEmpty();
        RuleFor(x => x.Password).NotEmpty().When(x => !string.IsNullOrEmpty(x.Username));
        RuleFor(x => x.Timeout).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.MaxIdleConnections).InclusiveBetween(0, 64);
        RuleFor(x => x.IdleConnectionTimeout).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.RetryFirstDelay).GreaterThan(TimeSpan.Zero);
        RuleFor(x => x.RetryMaxDelay).GreaterThanOrEqualTo(x => x.RetryFirstDelay);
    }
}
