using System.Globalization;
using CartRecovery.FaultRunner.Infrastructure;
using CartRecovery.FaultRunner.Shoppers;

namespace CartRecovery.FaultRunner.Scenarios;

/// <summary>Everything one scenario owns: its database, the proxies in front of the shared broker and database, its
/// SMTP relay, the service instances it started, its shoppers and what it saw of its own fault.</summary>
internal sealed class ScenarioContext : IAsyncDisposable
{
    public const string ApiKey = "fault-runner-api-key-0123456789abcdef";

    /// <summary>The service's SMTP timeout here; a claim older than twice this is in doubt.</summary>
    public static readonly TimeSpan SmtpTimeout = TimeSpan.FromSeconds(5);

    private readonly List<ServiceProcess> _instances = [];
    private readonly IReadOnlyDictionary<string, string> _extraSettings;
    private readonly string _logFolder;

    private ScenarioContext(RunnerEnvironment environment, string id, ScenarioTimings timings, Broker broker,
        ScenarioDatabase database, IReadOnlyDictionary<string, string> extraSettings, Action<string> log)
    {
        Environment = environment;
        Id = id;
        Timings = timings;
        Broker = broker;
        Database = database;
        _extraSettings = extraSettings;
        Log = log;
        RabbitProxy = new LoopbackProxy(environment.RabbitHost, environment.RabbitPort);
        PostgresProxy = new LoopbackProxy(environment.Postgres.Host, environment.Postgres.Port);
        Relay = new SmtpRelay();
        Producer = new EventProducer(() => _instances.Where(i => i.IsRunning).DefaultIfEmpty(_instances[^1]).ToList(), ApiKey);
        Factory = new ShopperFactory(id, timings);
        _logFolder = Path.Combine(environment.RepositoryRoot, ".services", "faults", id);
        Directory.CreateDirectory(_logFolder);
    }

    public RunnerEnvironment Environment { get; }
    public string Id { get; }
    public ScenarioTimings Timings { get; }
    public Broker Broker { get; }
    public ScenarioDatabase Database { get; }
    public LoopbackProxy RabbitProxy { get; }
    public LoopbackProxy PostgresProxy { get; }
    public SmtpRelay Relay { get; }
    public EventProducer Producer { get; }
    public ShopperFactory Factory { get; }
    public Action<string> Log { get; }
    public IReadOnlyList<ServiceProcess> Instances => _instances;
    public List<Shopper> Shoppers { get; } = [];

    /// <summary>What the scenario saw of its own fault (the process died, the port refused, ...).</summary>
    public List<string> Evidence { get; } = [];

    /// <summary>Fault checks that failed: the fault may not have happened, so the row's zeros prove nothing.</summary>
    public List<string> FailedChecks { get; } = [];

    /// <summary>When the (last) fault ended; recovery time is measured from here. Null: no outage to recover from.</summary>
    public DateTimeOffset? FaultEndedAt { get; set; }

    /// <summary>When each kill -9 had taken effect: a send claimed shortly before one may be cut off in doubt.</summary>
    public List<DateTimeOffset> Kills { get; } = [];

    public int EventsSent => Shoppers.Sum(s => s.EventCount) + ExtraEvents;

    /// <summary>Events beyond the shoppers' (F6's poison), counted in the table's events column.</summary>
    public int ExtraEvents { get; set; }

    public static TimeSpan LongestSend => 2 * SmtpTimeout;

    /// <summary>Leave the database behind for a post-mortem (a failed scenario under --keep-failed).</summary>
    public bool KeepDatabase { get; set; }

    public static async Task<ScenarioContext> Create(RunnerEnvironment environment, string id, ScenarioTimings timings,
        Broker broker, IReadOnlyDictionary<string, string> extraSettings, Action<string> log)
    {
        await broker.PurgeAll();
        var database = await ScenarioDatabase.Create(environment, id);
        var context = new ScenarioContext(environment, id, timings, broker, database, extraSettings, log);
        context.RabbitProxy.Up();
        context.PostgresProxy.Up();
        context.Relay.Up();
        return context;
    }

    public async Task<ServiceProcess> StartInstance()
    {
        var instance = new ServiceProcess($"{Id}-instance-{_instances.Count + 1}", Environment.ServiceAssembly, ServiceSettings(), _logFolder);
        _instances.Add(instance);
        await instance.Start(TimeSpan.FromSeconds(90));
        Log($"{instance.Name} ready on port {instance.Port} (pid {instance.ProcessId})");
        return instance;
    }

    public void Check(bool held, string what)
    {
        if (held)
        {
            Evidence.Add(what);
        }
        else
        {
            FailedChecks.Add(what);
        }

        Log($"{(held ? "checked" : "CHECK FAILED")}: {what}");
    }

    public async Task<bool> AnyInstanceReady()
    {
        foreach (var instance in _instances.Where(i => i.IsRunning))
        {
            if (await instance.IsReady())
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await RabbitProxy.DisposeAsync();
        await PostgresProxy.DisposeAsync();
        await Relay.DisposeAsync();
        if (KeepDatabase)
        {
            Log($"kept database {Database.Name}");
            return;
        }

        await Database.DisposeAsync();
    }

    private Dictionary<string, string> ServiceSettings()
    {
        static string Span(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
        var rabbit = new UriBuilder(Environment.RabbitMq) { Host = "127.0.0.1", Port = RabbitProxy.Port }.Uri;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConnectionStrings:Postgres"] = Database.ThroughProxy(PostgresProxy.Port),
            ["ConnectionStrings:RabbitMq"] = rabbit.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
            ["Api:Key"] = ApiKey,
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Relay.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:Timeout"] = Span(SmtpTimeout),
            ["Smtp:RetryFirstDelay"] = "00:00:03",
            ["Smtp:RetryMaxDelay"] = "00:00:10",
            ["Delivery:Links:BaseUrl"] = "http://127.0.0.1:5080/",
            ["Delivery:Links:ShopUrl"] = "https://shop.example/",
            ["Delivery:ContactPolicy:SettleWindow"] = "00:00:01",
            ["Delivery:Links:Secret"] = "fault-runner-link-secret-0123456789abcdef0123",
            ["Delivery:Discounts:Secret"] = "fault-runner-discount-secret-0123456789abcdef",
            ["Privacy:PseudonymSecret"] = "fault-runner-pseudonym-secret-0123456789abcdef",
            ["Delivery:ContactPolicy:QuietHoursStart"] = "00:00",
            ["Delivery:ContactPolicy:QuietHoursEnd"] = "00:00",
            ["Journeys:CartAbandonment:IdleTimeout"] = Span(Timings.IdleTimeout),
            ["Journeys:CartAbandonment:DiscountFollowUpDelay"] = Span(Timings.DiscountFollowUpDelay),
            ["Journeys:CartAbandonment:Expiry"] = Span(Timings.Expiry),
            ["Journeys:Endpoints:KillSwitchRestartTimeout"] = "00:00:05",
            ["Scheduler:IdleWaitTime"] = "00:00:01",
            ["Scheduler:ClusterCheckinInterval"] = "00:00:02",
            ["Scheduler:FirstRetryDelay"] = "00:00:00.500",
            ["Scheduler:MaxRetryDelay"] = "00:00:02",
            ["Scheduler:SendTimeout"] = "00:00:03",
            ["Scheduler:LeaseDuration"] = "00:00:08",
            ["Retention:Enabled"] = "false",
        };
        string[] redelivery = ["00:00:02", "00:00:05", "00:00:10", "00:00:20", "00:00:30", "00:01:00", "00:02:00", "00:05:00"];
        for (var i = 0; i < redelivery.Length; i++)
        {
            settings[string.Create(CultureInfo.InvariantCulture, $"Journeys:Endpoints:RedeliveryIntervals:{i}")] = redelivery[i];
        }

        foreach (var (key, value) in _extraSettings)
        {
            settings[key] = value;
        }

        return settings;
    }
}
