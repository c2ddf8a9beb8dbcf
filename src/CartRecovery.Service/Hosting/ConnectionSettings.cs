using Microsoft.Extensions.Configuration;

namespace CartRecovery.Service.Hosting;

/// <summary>Where the service finds PostgreSQL and RabbitMQ. Missing settings stop the start with the key name.</summary>
public sealed record ConnectionSettings(string Postgres, Uri RabbitMq)
{
    public const string PostgresKey = "ConnectionStrings:Postgres";
    public const string RabbitMqKey = "ConnectionStrings:RabbitMq";

    public static ConnectionSettings From(IConfiguration configuration)
    {
        var postgres = configuration[PostgresKey];
        if (string.IsNullOrWhiteSpace(postgres))
        {
            throw new InvalidOperationException($"Configuration key '{PostgresKey}' is missing: set it to an Npgsql connection string (environment: ConnectionStrings__Postgres).");
        }

        var rabbit = configuration[RabbitMqKey];
        if (string.IsNullOrWhiteSpace(rabbit) || !Uri.TryCreate(rabbit, UriKind.Absolute, out var rabbitUri) || rabbitUri.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException($"Configuration key '{RabbitMqKey}' is missing or not an amqp:// URI (environment: ConnectionStrings__RabbitMq).");
        }

        return new ConnectionSettings(postgres, rabbitUri);
    }
}
