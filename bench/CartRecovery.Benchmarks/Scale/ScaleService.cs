using System.Globalization;
using CartRecovery.FaultRunner.Infrastructure;

namespace CartRecovery.Benchmarks.Scale;

/// <summary>The built service as its own process (<c>dotnet CartRecovery.Service.dll</c>, its runtime settings
/// included), so its memory is measured without the benchmark's producers, callers and probes.</summary>
internal sealed class ScaleService : IAsyncDisposable
{
    private readonly ServiceProcess _process;

    private ScaleService(ServiceProcess process) => _process = process;

    public Uri BaseAddress => _process.Http.BaseAddress!;

    public static async Task<ScaleService> Start(BenchEnvironment env, BenchDatabase database, string name)
    {
        var logs = Path.Combine(Path.GetTempPath(), "cartrecovery-scale");
        Directory.CreateDirectory(logs);
        var process = new ServiceProcess(name, ServiceAssembly(env), ServiceHost.Settings(env, database), logs, environmentName: "Benchmark");
        await process.Start(TimeSpan.FromSeconds(90));
        return new ScaleService(process);
    }

    /// <summary>The process's peak resident set so far (VmHWM), in bytes.</summary>
    public long PeakRssBytes() => Status("VmHWM:");

    public long RssBytes() => Status("VmRSS:");

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private long Status(string field)
    {
        var pid = _process.ProcessId ?? throw new InvalidOperationException("The service is not running.");
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The service built in the benchmark's own configuration (Release under the README's command).</summary>
    private static string ServiceAssembly(BenchEnvironment env)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Release";
        var path = Path.Combine(env.RepositoryRoot, "src", "CartRecovery.Service", "bin", configuration, "net10.0", "CartRecovery.Service.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the service first: {path} is missing.");
    }
}
