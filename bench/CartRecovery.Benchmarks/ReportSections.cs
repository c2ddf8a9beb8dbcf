namespace CartRecovery.Benchmarks;

/// <summary>docs/benchmarks.md holds the normal run and the scale run; each mode rewrites only its own part. The scale
/// part sits between two HTML comments, so a normal run carries it over and a scale run replaces only it.</summary>
internal static class ReportSections
{
    public const string ScaleBegin = "<!-- scale:begin (written by --scale) -->";
    public const string ScaleEnd = "<!-- scale:end -->";

    /// <summary>The normal report with the scale section of the existing document appended, if it has one.</summary>
    public static string WithScaleOf(string? existing, string normal) =>
        ScaleSection(existing) is { } scale ? normal.TrimEnd() + Environment.NewLine + Environment.NewLine + scale + Environment.NewLine : normal;

    /// <summary>The existing document with its scale section replaced by (or, when it has none, followed by) this one.</summary>
    public static string WithScale(string? existing, string scaleBody)
    {
        var section = ScaleBegin + Environment.NewLine + scaleBody.TrimEnd() + Environment.NewLine + ScaleEnd;
        if (string.IsNullOrWhiteSpace(existing))
        {
            return "# Benchmarks" + Environment.NewLine + Environment.NewLine + section + Environment.NewLine;
        }

        var begin = existing.IndexOf(ScaleBegin, StringComparison.Ordinal);
        var end = existing.IndexOf(ScaleEnd, StringComparison.Ordinal);
        if (begin >= 0 && end > begin)
        {
            return existing[..begin] + section + existing[(end + ScaleEnd.Length)..];
        }

        return existing.TrimEnd() + Environment.NewLine + Environment.NewLine + section + Environment.NewLine;
    }

    private static string? ScaleSection(string? existing)
    {
        if (existing is null)
        {
            return null;
        }

        var begin = existing.IndexOf(ScaleBegin, StringComparison.Ordinal);
        var end = existing.IndexOf(ScaleEnd, StringComparison.Ordinal);
        return begin >= 0 && end > begin ? existing[begin..(end + ScaleEnd.Length)] : null;
    }
}
