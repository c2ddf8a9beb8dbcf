namespace CartRecovery.Service.Operations;

/// <summary>What a re-drive took from <paramref name="ErrorQueue"/>: <paramref name="Messages"/> of the
/// <paramref name="Waiting"/> there when it began, moved back, or with <paramref name="DryRun"/> only listed.</summary>
public sealed record RedriveResult(string ErrorQueue, bool DryRun, int Waiting, IReadOnlyList<ErrorQueueMessage> Messages)
{
    public int Moved => DryRun ? 0 : Messages.Count;
}
