using CartRecovery.Contracts;
using CartRecovery.Dispatcher.Decisions;

namespace CartRecovery.Service.Support;

/// <summary>Deferred emails removed by support still get their last word in the decision log, so support sees why
/// they never went out and reports do not count them as pending forever.</summary>
public sealed class WithdrawnEmails(DecisionLog decisions, TimeProvider clock)
{
    public async Task Record(IEnumerable<SendJourneyEmail> emails, string rule, string reason, CancellationToken cancellationToken)
    {
        foreach (var email in emails)
        {
            await decisions.Record(new DecisionRecord
            {
                JourneyId = email.JourneyId,
                Journey = email.Journey,
                Step = email.Step,
                CustomerId = email.CustomerId,
                Outcome = DecisionOutcomes.Suppressed,
                Rule = rule,
                Reason = reason,
                Values = new Dictionary<string, string>(),
                DecidedAt = clock.GetUtcNow(),
            }, cancellationToken);
        }
    }
}
