using System.Diagnostics;

namespace CartRecovery.TestSupport;

/// <summary>Runs <c>scripts/services.sh up</c> (idempotent: installs and starts RabbitMQ, PostgreSQL and the SMTP
/// sink on loopback when they are not running) and reads the settings it wrote. Shared by the integration specs
/// and the benchmark, which must not reference each other.</summary>
public static class LocalServices
{
    public static async Task<Dictionary<string, string>> Up()
    {
        var root = RepositoryRoot();
        var script = Path.Combine(root, "scripts", "services.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, "up"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/services.sh up failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }

        return File.ReadAllLines(Path.Combine(root, ".services", "services.env"))
            .Where(l => l.Contains('=', StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
    }

    /// <summary>The folder holding <c>CartRecovery.sln</c>, above the working directory or the binaries.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            var directory = new DirectoryInfo(start);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CartRecovery.sln")))
            {
                directory = directory.Parent;
            }

            if (directory is not null)
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (CartRecovery.sln).");
    }
}
