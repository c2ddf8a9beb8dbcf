using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Sockets;
using CartRecovery.TestSupport;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>
/// Finds PostgreSQL and RabbitMQ once per test run, in this order: connection settings from the environment,
/// Testcontainers where a Docker engine answers, else the project's own <c>scripts/services.sh</c>, which installs
/// and starts local services. Specs never skip for want of Docker.
/// </summary>
public sealed class ServiceEndpoints : IAsyncLifetime
{
    private PostgreSqlContainer? _postgresContainer;
    private RabbitMqContainer? _rabbitContainer;
    private readonly ConcurrentBag<string> _created = [];

    public string PostgresServer { get; private set; } = "";
    public Uri RabbitMq { get; private set; } = null!;
    public string Source { get; private set; } = "";
    public string SmtpHost { get; private set; } = "";
    public int SmtpPort { get; private set; }

    /// <summary>Where the SMTP sink stores what it receives (one file per message).</summary>
    public string Maildir { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await FindSmtpSink();
        var postgres = Environment.GetEnvironmentVariable("CARTRECOVERY_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("CARTRECOVERY_RABBITMQ");
        if (!string.IsNullOrWhiteSpace(postgres) && !string.IsNullOrWhiteSpace(rabbit))
        {
            (PostgresServer, RabbitMq, Source) = (postgres, new Uri(rabbit), "environment");
            return;
        }

        if (await DockerEngineAnswers())
        {
            _postgresContainer = new PostgreSqlBuilder("postgres:15").Build();
            _rabbitContainer = new RabbitMqBuilder("rabbitmq:3.13-management").Build();
            await Task.WhenAll(_postgresContainer.StartAsync(), _rabbitContainer.StartAsync());
            (PostgresServer, RabbitMq, Source) = (_postgresContainer.GetConnectionString(), new Uri(_rabbitContainer.GetConnectionString()), "testcontainers");
            return;
        }

        var settings = await LocalServices.Up();
        (PostgresServer, RabbitMq, Source) = (settings["CARTRECOVERY_POSTGRES"], new Uri(settings["CARTRECOVERY_RABBITMQ"]), "scripts/services.sh");
    }

    /// <summary>The SMTP sink comes from the environment or from the local services; its maildir is read directly.</summary>
    private async Task FindSmtpSink()
    {
        var host = Environment.GetEnvironmentVariable("CARTRECOVERY_SMTP_HOST");
        var port = Environment.GetEnvironmentVariable("CARTRECOVERY_SMTP_PORT");
        var maildir = Environment.GetEnvironmentVariable("CARTRECOVERY_SMTP_MAILDIR");
        if (string.IsNullOrWhiteSpace(host) || string.IsNullOrWhiteSpace(port) || string.IsNullOrWhiteSpace(maildir))
        {
            var local = await LocalServices.Up();
            (host, port, maildir) = (local["CARTRECOVERY_SMTP_HOST"], local["CARTRECOVERY_SMTP_PORT"], local["CARTRECOVERY_SMTP_MAILDIR"]);
        }

        (SmtpHost, SmtpPort, Maildir) = (host, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), maildir);
    }

    public async Task DisposeAsync()
    {
        await DropCreatedDatabases();
        if (_postgresContainer is not null)
        {
            await _postgresContainer.DisposeAsync();
        }

        if (_rabbitContainer is not null)
        {
            await _rabbitContainer.DisposeAsync();
        }
    }

    /// <summary>A new, empty database for one scenario, so scenarios never see each other's rows or timers.</summary>
    public async Task<string> CreateDatabase()
    {
        var name = $"cr_{Guid.NewGuid():N}";
        _created.Add(name);
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = true }.ConnectionString;
    }

    // Thousands of leftover databases slow every later run on the same server: autovacuum visits each of them.
    private async Task DropCreatedDatabases()
    {
        if (PostgresServer.Length == 0)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        foreach (var name in _created)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<bool> DockerEngineAnswers()
    {
        const string socket = "/var/run/docker.sock";
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is null && !File.Exists(socket))
        {
            return false;
        }

        try
        {
            using var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, token) =>
                {
                    var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), token);
                    return new NetworkStream(s, ownsSocket: true);
                },
            };
            using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(3) };
            var response = await client.GetAsync(new Uri("http://docker/_ping"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or TaskCanceledException)
        {
            return false;
        }
    }
}
