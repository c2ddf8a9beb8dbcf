namespace CartRecovery.FaultRunner.Infrastructure;

/// <summary>One message the relay took in full. The service mints the Message-ID from the ledger key
/// (<c>{journeyId:N}.{step}@domain</c>), so it names the journey step it belongs to.</summary>
internal sealed record ReceivedEmail(Guid JourneyId, int Step, string Recipient, DateTimeOffset ReceivedAt)
{
    public EmailKey Key => new(JourneyId, Step);
}
