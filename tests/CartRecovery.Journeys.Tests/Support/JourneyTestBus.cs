using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Configuration;
using CartRecovery.Journeys.Customers;
using CartRecovery.Journeys.Validation;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Journeys.Tests.Support;

/// <summary>The in-memory bus every journey harness stands on: a fake clock, the manual scheduler, fakes for the
/// services journeys lean on, and only the sagas the scenario asks for.</summary>
public static class JourneyTestBus
{
    public static async Task<(ServiceProvider Provider, ITestHarness Harness)> Start(
        IDictionary<string, string?>? settings, Action<IBusRegistrationConfigurator> addSagas)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)))
            .AddSingleton<TimeProvider>(p => p.GetRequiredService<FakeTimeProvider>())
            .AddSingleton<FakeCustomerSegments>()
            .AddSingleton<ICustomerSegments>(p => p.GetRequiredService<FakeCustomerSegments>())
            .AddSingleton<RecordingRejectedEventRecorder>()
            .AddSingleton<IRejectedEventRecorder>(p => p.GetRequiredService<RecordingRejectedEventRecorder>())
            .AddSingleton<IJourneyEndpointOutbox, ImmediateSendOutbox>()
            .AddSingleton<RecordingDiscountCodes>()
            .AddScoped<IUnusedDiscountCodes>(p => p.GetRequiredService<RecordingDiscountCodes>())
            .AddJourneyServices()
            .AddSingleton<ManualScheduler>()
            .AddMassTransitTestHarness(x =>
            {
                addSagas(x);
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseFilter(new ManualSchedulerFilter(context.GetRequiredService<ManualScheduler>()));
                    cfg.ConfigureEndpoints(context);
                });
                x.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(10), testInactivityTimeout: TimeSpan.FromMilliseconds(400));
            });

        var provider = services.BuildServiceProvider(validateScopes: true);
        var harness = await provider.StartTestHarness();
        provider.GetRequiredService<ManualScheduler>().Bus = harness.Bus;
        return (provider, harness);
    }
}
