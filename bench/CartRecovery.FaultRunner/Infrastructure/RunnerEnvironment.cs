using System.Globalization;
using CartRecovery.TestSupport;
using Npgsql;

namespace CartRecovery.FaultRunner.Infrastructure;

/// <summary>Where the runner finds PostgreSQL, RabbitMQ (its virtual host and management API) and the built
/// service: the CARTRECOVERY_* variables when set, else <c>scripts/services.sh up</c> and the file it writes.</summary>
internal sealed class RunnerEnvironment
{
    /// <summary>Taken instead of the default vhost "/" (created when missing).</summary>
    public const string OwnVirtualHost = "cartrecovery-faults";

    public required string RepositoryRoot { get; init; }
    public required string PostgresServer { get; init; }
    public required Uri RabbitMq { get; init; }
    public required Uri RabbitManagement { get; init; }
    public required string ServiceAssembly { get; init; }

    /// <summary>The broker's virtual host the runner takes for itself: it empties its queues between scenarios. A
    /// named vhost from CARTRECOVERY_RABBITMQ (a helper's own), else <see cref="OwnVirtualHost"/>.</summary>
    public string VirtualHost => RabbitMq.AbsolutePath.Length <= 1 ? "/" : Uri.UnescapeDataString(RabbitMq.AbsolutePath[1..]);

    public string RabbitHost => RabbitMq.Host;
    public int RabbitPort => RabbitMq.IsDefaultPort ? 5672 : RabbitMq.Port;

    public (string Host, int Port) Postgres
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(PostgresServer);
            return (builder.Host ?? "127.0.0.1", builder.Port);
        }
    }

    public static async Task<RunnerEnvironment> Find()
    {
        string[] names = ["CARTRECOVERY_POSTGRES", "CARTRECOVERY_RABBITMQ", "CARTRECOVERY_RABBITMQ_MANAGEMENT"];
        var values = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        if (values.Values.Any(string.IsNullOrWhiteSpace))
        {
            var settings = await LocalServices.Up();
            foreach (var name in names.Where(n => string.IsNullOrWhiteSpace(values[n])))
            {
                values[name] = settings.GetValueOrDefault(name);
            }
        }

        var root = LocalServices.RepositoryRoot();
        var rabbit = new Uri(values["CARTRECOVERY_RABBITMQ"] ?? throw new InvalidOperationException("CARTRECOVERY_RABBITMQ is not set."));
        if (rabbit.AbsolutePath.Length <= 1)
        {
            // The runner empties its vhost's queues between scenarios: never the default one anything else may use.
            rabbit = new UriBuilder(rabbit) { Path = "/" + OwnVirtualHost }.Uri;
        }

        return new RunnerEnvironment
        {
            RepositoryRoot = root,
            PostgresServer = values["CARTRECOVERY_POSTGRES"] ?? throw new InvalidOperationException("CARTRECOVERY_POSTGRES is not set."),
            RabbitMq = rabbit,
            RabbitManagement = new Uri(values["CARTRECOVERY_RABBITMQ_MANAGEMENT"] ?? "http://127.0.0.1:15672/"),
            ServiceAssembly = FindServiceAssembly(root),
        };
    }

    /// <summary>The service built in the runner's own configuration (Release under scripts/test.sh).</summary>
    private static string FindServiceAssembly(string root)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Release";
        var path = Path.Combine(root, "src", "CartRecovery.Service", "bin", configuration, "net10.0", "CartRecovery.Service.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(string.Create(CultureInfo.InvariantCulture, $"Build the service first: {path} is missing."));
    }
}
