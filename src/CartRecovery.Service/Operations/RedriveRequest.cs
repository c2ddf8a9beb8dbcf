using System.Globalization;

namespace CartRecovery.Service.Operations;

/// <summary>What to re-drive: an error queue, at most <paramref name="Limit"/> of its messages (all when null),
/// or with <paramref name="DryRun"/> only list them.</summary>
public sealed record RedriveRequest(string ErrorQueue, bool DryRun = false, int? Limit = null)
{
    public const string Switch = "--redrive";
    public const string DryRunSwitch = "--dry-run";
    public const string LimitSwitch = "--limit";

    public static bool IsAskedFor(IReadOnlyList<string> args) => args.Contains(Switch);

    /// <summary>Reads <c>--redrive &lt;queue&gt;_error [--dry-run] [--limit N]</c>.</summary>
    public static RedriveRequest FromArgs(IReadOnlyList<string> args)
    {
        var queue = ValueAfter(args, Switch);
        if (queue is null)
        {
            throw new RedriveRefusedException($"{Switch} needs the error queue's name, e.g. {Switch} cart-abandonment_error {DryRunSwitch}");
        }

        int? limit = null;
        if (args.Contains(LimitSwitch))
        {
            if (!int.TryParse(ValueAfter(args, LimitSwitch), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                throw new RedriveRefusedException($"{LimitSwitch} needs a whole number of messages, 1 or more");
            }

            limit = n;
        }

        return new RedriveRequest(queue, args.Contains(DryRunSwitch), limit);
    }

    private static string? ValueAfter(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
