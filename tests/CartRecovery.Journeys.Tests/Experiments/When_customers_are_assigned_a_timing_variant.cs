using CartRecovery.Journeys.Experiments;

namespace CartRecovery.Journeys.Tests.Experiments;

public sealed class When_customers_are_assigned_a_timing_variant
{
    private const string Experiment = "cart-abandonment.recovery-delay";
    private static readonly DelayVariant OneHour = new() { Name = "1h", Delay = TimeSpan.FromHours(1), Weight = 1 };
    private static readonly DelayVariant ThreeHours = new() { Name = "3h", Delay = TimeSpan.FromHours(3), Weight = 3 };

    [Fact]
    public void Should_give_a_customer_the_same_variant_every_time()
    {
        var first = VariantAssignment.Pick(Experiment, "customer-42", [OneHour, ThreeHours]);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(first, VariantAssignment.Pick(Experiment, "customer-42", [OneHour, ThreeHours]));
        }
    }

    [Fact]
    public void Should_respect_the_weights_over_ten_thousand_customers()
    {
        var customers = Enumerable.Range(0, 10_000).Select(i => $"customer-{i}").ToList();

        var inOneHour = customers.Count(c => VariantAssignment.Pick(Experiment, c, [OneHour, ThreeHours]) == OneHour);

        // 1 : 3 is 2,500 of 10,000; the binomial standard deviation is about 43, so ±200 is over four of them.
        Assert.InRange(inOneHour, 2_300, 2_700);
    }

    [Fact]
    public void Should_split_evenly_with_equal_weights()
    {
        var even = new[] { OneHour, ThreeHours with { Weight = 1 } };

        var inOneHour = Enumerable.Range(0, 10_000).Count(i => VariantAssignment.Pick(Experiment, $"c-{i}", even) == OneHour);

        Assert.InRange(inOneHour, 4_800, 5_200);
    }

    [Fact]
    public void Should_assign_independently_of_another_experiment()
    {
        var customers = Enumerable.Range(0, 10_000).Select(i => $"customer-{i}").ToList();
        var even = new[] { OneHour, ThreeHours with { Weight = 1 } };

        var sameInBoth = customers.Count(c =>
            VariantAssignment.Pick(Experiment, c, even) == VariantAssignment.Pick("another-experiment", c, even));

        // Independent halves agree for about half the customers; a shared hash would make them agree for all.
        Assert.InRange(sameInBoth, 4_800, 5_200);
    }

    [Fact]
    public void Should_assign_nothing_without_variants() =>
        Assert.Null(VariantAssignment.Pick(Experiment, "customer-42", []));
}
