namespace CartRecovery.FaultRunner.Infrastructure;

/// <summary>A journey step's email: what "lost", "duplicated" and "unexpected" are counted by.</summary>
internal readonly record struct EmailKey(Guid JourneyId, int Step)
{
    public override string ToString() => $"{JourneyId:N}.{Step}";
}
