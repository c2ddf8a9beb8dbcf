using System.Globalization;
using System.Text.RegularExpressions;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Reads one unlabelled gauge from the host's Prometheus scrape.</summary>
public static partial class ScrapedMetrics
{
    public static async Task<double?> Gauge(HttpClient http, string name)
    {
        var scrape = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var match = Regex.Match(scrape, $@"^{Regex.Escape(name)}(?:\{{[^}}]*\}})? ([0-9.eE+-]+)", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }
}
