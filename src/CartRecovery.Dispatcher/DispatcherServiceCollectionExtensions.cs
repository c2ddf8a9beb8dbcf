using CartRecovery.Delivery.Discounts;
using CartRecovery.Delivery.Links;
using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Profiles;
using CartRecovery.Delivery.Templates;
using CartRecovery.Dispatcher.Cancellations;
using CartRecovery.Dispatcher.Conversions;
using CartRecovery.Dispatcher.Decisions;
using CartRecovery.Dispatcher.Erasure;
using CartRecovery.Dispatcher.Ledger;
using CartRecovery.Dispatcher.Profiles;
using CartRecovery.Dispatcher.Retention;
using CartRecovery.Dispatcher.Sending;
using CartRecovery.Journeys;
using CartRecovery.Journeys.CartAbandonment;
using CartRecovery.Journeys.Configuration;
using CartRecovery.Journeys.Customers;
using CartRecovery.Persistence.Retention;
using CartRecovery.Persistence.Sagas;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartRecovery.Dispatcher;

public static class DispatcherServiceCollectionExtensions
{
    /// <summary>The email dispatcher: contact policy, ledger, templates, signed links, discount codes, SMTP, and the
    /// attribution of orders to the emails before them.</summary>
    public static IServiceCollection AddEmailDispatch(this IServiceCollection services)
    {
        services.BindValidated<ContactPolicyOptions, ContactPolicyOptionsValidator>(ContactPolicyOptions.SectionName);
        services.BindValidated<SegmentOptions, SegmentOptionsValidator>(SegmentOptions.SectionName);
        services.BindValidated<LinkSigningOptions, LinkSigningOptionsValidator>(LinkSigningOptions.SectionName);
        services.BindValidated<DiscountCodeOptions, DiscountCodeOptionsValidator>(DiscountCodeOptions.SectionName);
        services.BindValidated<SmtpOptions, SmtpOptionsValidator>(SmtpOptions.SectionName);
        services.BindValidated<ConversionOptions, ConversionOptionsValidator>(ConversionOptions.SectionName);
        services.BindValidated<PrivacyOptions, PrivacyOptionsValidator>(PrivacyOptions.SectionName);

        services.AddSingleton<ContactPolicy>();
        services.AddSingleton<LinkSigner>();
        services.AddSingleton<DiscountCodeMinter>();
        services.AddSingleton(_ => new EmailRenderer());
        services.AddSingleton<EmailMessageFactory>();
        services.AddSingleton<ShopTargets>();
        services.AddSingleton<EmailModelFactory>();
        services.AddSingleton<SmtpConnectionPool>();
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddSingleton<SendLedger>();
        services.AddSingleton<CancelledJourneys>();
        services.AddSingleton<SupportStops>();
        services.AddSingleton<CustomerPseudonym>();
        services.AddSingleton<CustomerProfileStore>();
        services.AddSingleton<RequestFactsReader>();
        services.AddSingleton<RecentlyViewedProducts>();
        services.AddSingleton<IRetentionPurge, ProductViewPurge>();
        services.AddSingleton<IRetentionPurge, DecisionPurge>();
        services.AddSingleton<IRetentionPurge, LedgerPurge>();
        services.AddScoped<DecisionLog>();
        services.AddScoped<LateJourneyEvents>();
        services.AddScoped<DiscountCodes>();
        services.AddScoped<OrderAttribution>();
        services.Replace(ServiceDescriptor.Scoped<ICustomerSegments, ProfileBackedCustomerSegments>());
        services.Replace(ServiceDescriptor.Scoped<IUnusedDiscountCodes, UnusedDiscountCodes>());
        return services;
    }

    public static IBusRegistrationConfigurator AddEmailDispatchConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddJourneyEndpointPipeline();
        bus.AddConsumer<SendJourneyEmailConsumer, SendJourneyEmailConsumerDefinition>();
        // On customer-events, consumers take their row locks before the journeys, in this order, for every event.
        bus.AddConsumer<CustomerProfileProjection, ConsumerEndpointDefinition<CustomerProfileProjection>>();
        bus.AddConsumer<ConversionAttribution, ConsumerEndpointDefinition<ConversionAttribution>>();
        bus.AddConsumer<DiscountCodeRevoker, DiscountCodeRevokerDefinition>();
        return bus;
    }
}
