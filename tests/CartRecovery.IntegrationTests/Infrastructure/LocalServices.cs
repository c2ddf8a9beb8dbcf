using System.Diagnostics;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>Runs <c>scripts/services.sh up</c> (idempotent) and reads the settings it wrote.</summary>
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

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CartRecovery.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (CartRecovery.sln).");
    }
}
