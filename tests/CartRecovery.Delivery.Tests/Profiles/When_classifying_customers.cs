using CartRecovery.Delivery.Profiles;

namespace CartRecovery.Delivery.Tests.Profiles;

public sealed class When_classifying_customers
{
    private static readonly SegmentOptions Options = new();

    private static IReadOnlyList<string> Classify(int orders = 0, decimal lifetimeValue = 0, int engagement = 20) =>
        CustomerSegments.Classify(new CustomerProfile
        {
            CustomerId = "c-1",
            OrderCount = orders,
            LifetimeValue = lifetimeValue,
            EngagementScore = engagement,
        }, Options);

    [Fact]
    public void Should_call_a_customer_without_orders_new() => Assert.Equal([CustomerSegment.New], Classify());

    [Fact]
    public void Should_call_a_customer_with_an_order_returning() => Assert.Equal([CustomerSegment.Returning], Classify(orders: 1));

    [Fact]
    public void Should_make_a_frequent_buyer_returning_and_vip() =>
        Assert.Equal([CustomerSegment.Returning, CustomerSegment.Vip], Classify(orders: 5));

    [Fact]
    public void Should_make_a_big_spender_vip_with_few_orders() =>
        Assert.Contains(CustomerSegment.Vip, Classify(orders: 1, lifetimeValue: 1000m));

    [Fact]
    public void Should_not_make_a_customer_just_under_both_thresholds_vip() =>
        Assert.DoesNotContain(CustomerSegment.Vip, Classify(orders: 4, lifetimeValue: 999.99m));

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Should_flag_low_engagement_under_the_threshold(int score, bool low) =>
        Assert.Equal(low, Classify(engagement: score).Contains(CustomerSegment.LowEngagement));

    [Fact]
    public void Should_score_actions_as_documented()
    {
        Assert.Equal(10, EngagementPoints.CartAdd);
        Assert.Equal(1, EngagementPoints.ProductView);
        Assert.Equal(2, EngagementPoints.NewsletterSignUp);
        Assert.Equal(3, EngagementPoints.EmailOpen);
        Assert.Equal(5, EngagementPoints.EmailClick);
    }
}
