using System.Globalization;
using CartRecovery.TestSupport;
using Npgsql;
using RabbitMQ.Client;

namespace CartRecovery.Benchmarks;

/// <summary>Where the benchmark finds PostgreSQL, RabbitMQ and the SMTP sink: the CARTRECOVERY_* variables when
/// set, else <c>scripts/services.sh up</c> (idempotent) and the settings file it writes.</summary>
internal sealed class BenchEnvironment
{
    public required string RepositoryRoot { get; init; }
    public required string PostgresServer { get; init; }
    public required Uri RabbitMq { get; init; }
    public required string SmtpHost { get; init; }
    public required int SmtpPort { get; init; }
    public required string Maildir { get; init; }
    public required string Source { get; init; }

    public static async Task<BenchEnvironment> Find()
    {
        var root = LocalServices.RepositoryRoot();
        var names = new[]
        {
            "CARTRECOVERY_POSTGRES", "CARTRECOVERY_RABBITMQ", "CARTRECOVERY_SMTP_HOST", "CARTRECOVERY_SMTP_PORT",
            "CARTRECOVERY_SMTP_MAILDIR",
        };
        var values = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        var source = "environment";
        if (values.Values.Any(string.IsNullOrWhiteSpace))
        {
            Console.Error.WriteLine("bench: CARTRECOVERY_* not set, running scripts/services.sh up");
            var settings = await LocalServices.Up();
            values = names.ToDictionary(n => n, n => settings.GetValueOrDefault(n));
            source = "scripts/services.sh";
        }

        return new BenchEnvironment
        {
            RepositoryRoot = root,
            PostgresServer = values["CARTRECOVERY_POSTGRES"]!,
            RabbitMq = new Uri(values["CARTRECOVERY_RABBITMQ"]!),
            SmtpHost = values["CARTRECOVERY_SMTP_HOST"]!,
            SmtpPort = int.Parse(values["CARTRECOVERY_SMTP_PORT"]!, CultureInfo.InvariantCulture),
            Maildir = values["CARTRECOVERY_SMTP_MAILDIR"]!,
            Source = source,
        };
    }

    /// <summary>A new, empty database for one measurement.</summary>
    public async Task<BenchDatabase> CreateDatabase(string purpose)
    {
        var name = $"bench_{purpose}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = true }.ConnectionString;
        return new BenchDatabase(this, name, connectionString);
    }

    /// <summary>A database an earlier run kept.</summary>
    public BenchDatabase ExistingDatabase(string name) =>
        new(this, name, new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = true }.ConnectionString);

    public async Task DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A connection to the server's maintenance database, where pg_stat_statements lives.</summary>
    public async Task<NpgsqlConnection> OpenAdmin()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<IConnection> ConnectRabbit(string name) =>
        await new ConnectionFactory { Uri = RabbitMq, ClientProvidedName = name }.CreateConnectionAsync();

    /// <summary>Empties queues of a fixed name; a queue that does not exist yet is fine.</summary>
    public async Task PurgeQueues(params string[] queues)
    {
        await using var connection = await ConnectRabbit("bench-purge");
        foreach (var queue in queues)
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                await channel.QueueDeclarePassiveAsync(queue);
                await channel.QueuePurgeAsync(queue);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // not declared yet
            }
        }
    }
}
