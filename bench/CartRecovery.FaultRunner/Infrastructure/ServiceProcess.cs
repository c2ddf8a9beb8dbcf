using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CartRecovery.FaultRunner.Infrastructure;

/// <summary>One instance of the built service, run as its own process (<c>dotnet CartRecovery.Service.dll</c>) with
/// its configuration in environment variables, so kill -9 takes it down as it would in production.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _assembly;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _logFile;
    private readonly string _environmentName;
    private Process? _process;

    public ServiceProcess(string name, string assembly, IReadOnlyDictionary<string, string> settings, string logFolder,
        string environmentName = "FaultRunner")
    {
        Name = name;
        _environmentName = environmentName;
        _assembly = assembly;
        _settings = settings;
        Port = FreePort.Next();
        _logFile = Path.Combine(logFolder, $"{name}.log");
        Http = new HttpClient { BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/")), Timeout = TimeSpan.FromSeconds(15) };
    }

    public string Name { get; }
    public int Port { get; }
    public HttpClient Http { get; }
    public int Starts { get; private set; }
    public int? ProcessId => _process?.Id;
    public bool IsRunning => _process is { HasExited: false };

    public async Task Start(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet", [_assembly])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(_assembly)!,
        };
        start.Environment["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}");
        start.Environment["DOTNET_ENVIRONMENT"] = _environmentName;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = _environmentName;
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var log = new StreamWriter(_logFile, append: true) { AutoFlush = true };
        await log.WriteLineAsync($"--- start {Starts + 1} at {DateTimeOffset.UtcNow:O}");
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Exited += (_, _) => Write(log, "--- exited");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
        await WaitUntilReady(timeout);
    }

    /// <summary>SIGKILL: no shutdown hook runs, in-flight messages and claimed timers are left as they are.
    /// Answers whether the process really died.</summary>
    public async Task<bool> KillHard()
    {
        if (_process is not { HasExited: false } process)
        {
            return false;
        }

        process.Kill(entireProcessTree: true);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(wait.Token);
        return process.HasExited && !await Answers();
    }

    public async Task<bool> IsReady()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri("health/ready", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            // The scenario is over and counted: how the process ends no longer matters.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        Http.Dispose();
    }

    private async Task<bool> Answers()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri("health/live", UriKind.Relative));
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private async Task WaitUntilReady(TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"{Name} exited at start; see {_logFile}.");
            }

            if (await IsReady())
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}; see {_logFile}.");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
