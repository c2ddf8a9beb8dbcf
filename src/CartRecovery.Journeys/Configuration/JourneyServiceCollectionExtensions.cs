using CartRecovery.Journeys.BrowseAbandonment;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Customers;
using CartRecovery.Journeys.Inactivity;
using CartRecovery.Journeys.PostPurchase;
using CartRecovery.Journeys.Telemetry;
using CartRecovery.Journeys.Validation;
using FluentValidation;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartRecovery.Journeys.Configuration;

public static class JourneyServiceCollectionExtensions
{
    /// <summary>Options, validators and the services the journeys lean on. Each has a default a host may replace
    /// before or after this call.</summary>
    public static IServiceCollection AddJourneyServices(this IServiceCollection services)
    {
        services.BindValidated<CartAbandonmentOptions, CartAbandonmentOptionsValidator>(CartAbandonmentOptions.SectionName);
        services.BindValidated<BrowseAbandonmentOptions, BrowseAbandonmentOptionsValidator>(BrowseAbandonmentOptions.SectionName);
        services.BindValidated<PostPurchaseOptions, PostPurchaseOptionsValidator>(PostPurchaseOptions.SectionName);
        services.BindValidated<InactivityOptions, InactivityOptionsValidator>(InactivityOptions.SectionName);
        services.BindValidated<JourneyEndpointOptions, JourneyEndpointOptionsValidator>(JourneyEndpointOptions.SectionName);

        services.AddValidatorsFromAssemblyContaining<CartItemAddedValidator>(
            ServiceLifetime.Singleton,
            filter: r => !r.ValidatorType.Name.EndsWith("OptionsValidator", StringComparison.Ordinal),
            includeInternalTypes: false);

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<CartRecoveryMetrics>();
        services.TryAddScoped<IAfterCommit, ImmediateAfterCommit>();
        services.TryAddSingleton<IRejectedEventRecorder, LoggingRejectedEventRecorder>();
        services.TryAddScoped<ICustomerSegments, NoVipCustomers>();
        services.TryAddSingleton<IJourneyEndpointOutbox, InMemoryJourneyEndpointOutbox>();
        services.TryAddScoped<RequestDiscountEmailActivity>();
        services.TryAddScoped<IUnusedDiscountCodes, NoDiscountCodes>();
        services.TryAddScoped<RevokeUnusedDiscountCodesActivity>();
        services.TryAddSingleton<EventValidation>();
        return services;
    }

    /// <summary>Every journey saga on the customer-events endpoint, in the order they lock their rows (the same for
    /// every message, so two transactions never wait on each other in a circle). The saga repository comes from the
    /// caller's provider.</summary>
    public static IBusRegistrationConfigurator AddJourneySagas(this IBusRegistrationConfigurator bus)
    {
        bus.AddJourneyEndpointPipeline();
        bus.AddSagaStateMachine<CartAbandonmentStateMachine, CartAbandonmentState, JourneyStateDefinition<CartAbandonmentState>>();
        bus.AddSagaStateMachine<BrowseAbandonmentStateMachine, BrowseAbandonmentState, JourneyStateDefinition<BrowseAbandonmentState>>();
        bus.AddSagaStateMachine<PostPurchaseStateMachine, PostPurchaseState, JourneyStateDefinition<PostPurchaseState>>();
        bus.AddSagaStateMachine<InactivityStateMachine, InactivityState, JourneyStateDefinition<InactivityState>>();
        return bus;
    }
}
