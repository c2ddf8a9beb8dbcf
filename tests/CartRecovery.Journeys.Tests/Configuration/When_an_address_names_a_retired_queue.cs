namespace CartRecovery.Journeys.Tests.Configuration;

/// <summary>Timers and error-queue messages written before customer-events existed name a per-journey queue.</summary>
public sealed class When_an_address_names_a_retired_queue
{
    [Theory]
    [InlineData("queue:cart-abandonment", "queue:customer-events")]
    [InlineData("rabbitmq://127.0.0.1:5673/inactivity", "rabbitmq://127.0.0.1:5673/customer-events")]
    [InlineData("rabbitmq://broker/shop-vhost/customer-profiles?durable=true", "rabbitmq://broker/shop-vhost/customer-events?durable=true")]
    public void Should_redirect_it_to_customer_events(string address, string expected) =>
        Assert.Equal(new Uri(expected), LegacyEventQueues.Redirect(new Uri(address)));

    [Theory]
    [InlineData("queue:send-journey-email")]
    [InlineData("rabbitmq://127.0.0.1:5673/test-cart-abandonment-probe")]
    public void Should_leave_every_other_address_alone(string address) =>
        Assert.Equal(new Uri(address), LegacyEventQueues.Redirect(new Uri(address)));
}
