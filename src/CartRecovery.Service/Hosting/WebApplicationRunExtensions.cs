using CartRecovery.Persistence.Migrations;
using CartRecovery.Service.Operations;

namespace CartRecovery.Service.Hosting;

public static class WebApplicationRunExtensions
{
    /// <summary>Runs the service, or with <c>--migrate</c> only brings the database schema up to date and exits, or
    /// with <c>--redrive &lt;queue&gt;_error [--dry-run] [--limit N]</c> only moves an error queue's messages back.</summary>
    public static async Task RunCartRecoveryAsync(this WebApplication app, string[] args)
    {
        if (args.Contains("--migrate"))
        {
            var applied = await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
            app.Logger.LogInformation("Schema is up to date ({Count} migrations applied now)", applied.Count);
            return;
        }

        if (RedriveRequest.IsAskedFor(args))
        {
            Environment.ExitCode = await app.RedriveErrorQueueAsync(args);
            return;
        }

        await app.RunAsync();
    }

    /// <returns>The exit code: 0 when done, 2 when the request was refused and nothing moved.</returns>
    private static async Task<int> RedriveErrorQueueAsync(this WebApplication app, string[] args)
    {
        try
        {
            var request = RedriveRequest.FromArgs(args);
            await app.Services.GetRequiredService<ErrorQueueRedrive>().RunAsync(request, CancellationToken.None);
            return 0;
        }
        catch (RedriveRefusedException ex)
        {
            app.Logger.LogError("Re-drive refused: {Reason}", ex.Message);
            return 2;
        }
    }
}
