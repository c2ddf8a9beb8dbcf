using CartRecovery.Persistence.Migrations;

namespace CartRecovery.Service.Hosting;

public static class WebApplicationRunExtensions
{
    /// <summary>Runs the service, or with <c>--migrate</c> only brings the database schema up to date and exits.</summary>
    public static async Task RunCartRecoveryAsync(this WebApplication app, string[] args)
    {
        if (args.Contains("--migrate"))
        {
            var applied = await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
            app.Logger.LogInformation("Schema is up to date ({Count} migrations applied now)", applied.Count);
            return;
        }

        await app.RunAsync();
    }
}
