using Microsoft.Extensions.Hosting;

namespace CartRecovery.Persistence.Migrations;

/// <summary>Brings the schema up to date before anything else starts; registered ahead of the bus so no message
/// is consumed against an old schema.</summary>
public sealed class SchemaMigrationHostedService(SchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
