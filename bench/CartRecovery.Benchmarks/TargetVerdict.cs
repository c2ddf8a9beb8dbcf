namespace CartRecovery.Benchmarks;

/// <summary>How the reports say whether a figure meets the target: a miss stands out.</summary>
internal static class TargetVerdict
{
    public static string Of(bool met) => met ? "met" : "**not met**";
}
