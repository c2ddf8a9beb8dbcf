using CartRecovery.Contracts;
using CartRecovery.Journeys;
using CartRecovery.Service.Hosting;
using MassTransit;
using MassTransit.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace CartRecovery.IntegrationTests.Infrastructure;

/// <summary>The service's own wiring on real PostgreSQL and RabbitMQ, with short delays and recording endpoints
/// standing in for the email dispatcher and for subscribers of journey events.</summary>
public sealed class TestHost : IAsyncDisposable
{
    /// <summary>Expires when unused: a queue bound to CartJourneyEnded that outlived the specs would keep a copy of every
    /// journey end that anything on the broker (the service, the benchmark) publishes afterwards.</summary>
    public const string JourneyEndedQueue = "test-journey-ended-recorder";

    private static readonly TimeSpan JourneyEndedQueueExpiry = TimeSpan.FromMinutes(1);
    public const string ApiKey = "integration-spec-api-key-0123456789";

    private readonly WebApplication _host;
    private bool _stopped;

    private TestHost(WebApplication host, string database)
    {
        _host = host;
        Database = new TestDatabase(database);
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.Urls.First()) };
        Http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    /// <summary>A client for this host's HTTP endpoints; redirects are not followed, so specs can check them.</summary>
    public HttpClient Http { get; }

    public IServiceProvider Services => _host.Services;
    public TestDatabase Database { get; }
    public IBus Bus => Services.GetRequiredService<IBus>();
    public MessageLog<SendJourneyEmail> EmailRequests => Services.GetRequiredService<MessageLog<SendJourneyEmail>>();
    public MessageLog<CartJourneyEnded> JourneysEnded => Services.GetRequiredService<MessageLog<CartJourneyEnded>>();
    public MessageLog<TimerProbe> TimerProbes => Services.GetRequiredService<MessageLog<TimerProbe>>();

    public static async Task<TestHost> Start(ServiceEndpoints services, string database, Action<TestHostOptions>? configure = null)
    {
        var options = new TestHostOptions();
        configure?.Invoke(options);
        // MassTransit keeps its log context in an async-local: a host started after another one in the same flow
        // would log through the stopped host's disposed logger factory.
        LogContext.Current = null;

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ConnectionSettings.PostgresKey] = database,
            [ConnectionSettings.RabbitMqKey] = (options.RabbitMq ?? services.RabbitMq).ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            // Specs provoke faults on purpose; their stack traces would drown the test output.
            ["Logging:LogLevel:MassTransit"] = "None",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
            ["Logging:LogLevel:Quartz"] = "None",
            ["Journeys:CartAbandonment:IdleTimeout"] = "00:00:02",
            ["Journeys:CartAbandonment:DiscountFollowUpDelay"] = "00:00:03",
            ["Journeys:CartAbandonment:Expiry"] = "00:10:00",
            ["Journeys:Endpoints:RetryIntervals:0"] = "00:00:00.050",
            ["Journeys:Endpoints:RetryIntervals:1"] = "00:00:00.100",
            ["Journeys:Endpoints:RetryIntervals:2"] = "00:00:00.200",
            ["Journeys:Endpoints:RetryIntervals:3"] = "00:00:00.400",
            ["Journeys:Endpoints:RetryIntervals:4"] = "00:00:00.800",
            ["Api:Key"] = ApiKey,
            ["Smtp:Host"] = services.SmtpHost,
            ["Smtp:Port"] = services.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Delivery:Links:BaseUrl"] = "http://127.0.0.1:5080/",
            // The shop the spec products live on (CartEvents): clicks may redirect there only.
            ["Delivery:Links:ShopUrl"] = "https://shop.example/",
            ["Delivery:Links:Secret"] = "integration-spec-link-secret-0123456789abcdef",
            ["Delivery:Discounts:Secret"] = "integration-spec-discount-secret-0123456789ab",
            ["Privacy:PseudonymSecret"] = "integration-spec-pseudonym-secret-0123456789",
            // Quiet hours off: specs run at any hour of the day.
            // Specs that are not about the settle window should not wait for it; the late-event check still runs.
            ["Delivery:ContactPolicy:SettleWindow"] = "00:00:00",
            ["Delivery:ContactPolicy:QuietHoursStart"] = "00:00",
            ["Delivery:ContactPolicy:QuietHoursEnd"] = "00:00",
            ["Scheduler:IdleWaitTime"] = "00:00:01",
            ["Scheduler:ClusterCheckinInterval"] = "00:00:02",
            ["Scheduler:FirstRetryDelay"] = "00:00:00.500",
            ["Scheduler:MaxRetryDelay"] = "00:00:02",
            ["Scheduler:SendTimeout"] = "00:00:03",
            // The retention job is a standing trigger in the job store; specs that count triggers expect none.
            ["Retention:Enabled"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(options.Settings);

        builder.Services.AddSingleton<MessageLog<SendJourneyEmail>>();
        builder.Services.AddSingleton<MessageLog<CartJourneyEnded>>();
        builder.Services.AddSingleton<MessageLog<TimerProbe>>();
        builder.AddCartRecoveryCore(
            x =>
            {
                x.AddConsumer<RecordingConsumer<SendJourneyEmail>>().Endpoint(e => e.Name = JourneyEndpoints.EmailDispatcherQueue);
                x.AddConsumer<RecordingConsumer<CartJourneyEnded>>().Endpoint(e => e.Name = JourneyEndedQueue);
                x.AddConsumer<RecordingConsumer<TimerProbe>>().Endpoint(e => e.Name = TimerStore.ProbeQueue.AbsolutePath);
                x.AddConfigureEndpointsCallback((_, name, endpoint) =>
                {
                    if (endpoint is not IRabbitMqReceiveEndpointConfigurator rabbit)
                    {
                        return;
                    }

                    rabbit.PurgeOnStartup = options.PurgeQueues;
                    if (name == JourneyEndedQueue)
                    {
                        // RabbitMQ deletes it once no spec has used it for a while; shared, as two hosts of one spec
                        // both record.
                        rabbit.QueueExpiration = JourneyEndedQueueExpiry;
                    }
                });

                options.Registration?.Invoke(x);
            },
            options.Bus);
        options.Services?.Invoke(builder.Services);

        var host = builder.Build();
        host.MapCartRecoveryEndpoints();
        await host.StartAsync();
        return new TestHost(host, database);
    }

    public async Task Stop()
    {
        if (!_stopped)
        {
            _stopped = true;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            // A bus whose broker link was cut may not honour the token; a spec must end either way.
            await _host.StopAsync(timeout.Token).WaitAsync(TimeSpan.FromSeconds(45)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stop();
        Http.Dispose();
        await _host.DisposeAsync();
    }
}
