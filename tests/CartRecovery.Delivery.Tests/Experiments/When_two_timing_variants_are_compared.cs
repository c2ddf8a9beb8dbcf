using CartRecovery.Delivery.Experiments;

namespace CartRecovery.Delivery.Tests.Experiments;

public sealed class When_two_timing_variants_are_compared
{
    [Fact]
    public void Should_give_the_observed_difference_and_call_a_small_one_not_yet_significant()
    {
        var result = ConversionDifference.Between("1h", 10, 100, "3h", 12, 100);

        Assert.Equal(0.02, result.Difference);
        Assert.True(result.Lower < 0 && result.Upper > 0, $"[{result.Lower}, {result.Upper}] should contain 0");
        Assert.Equal(ConversionDifference.NotYetSignificant, result.Verdict);
    }

    [Fact]
    public void Should_call_a_large_difference_on_many_customers_significant()
    {
        var result = ConversionDifference.Between("1h", 100, 1000, "3h", 200, 1000);

        Assert.Equal(0.1, result.Difference);
        Assert.InRange(result.Lower!.Value, 0.06, 0.08);
        Assert.InRange(result.Upper!.Value, 0.12, 0.14);
        Assert.Equal("3h converts better than 1h (significant at 95 %)", result.Verdict);
    }

    [Fact]
    public void Should_call_a_worse_arm_worse()
    {
        var result = ConversionDifference.Between("1h", 300, 1000, "3h", 200, 1000);

        Assert.True(result.Upper < 0);
        Assert.Equal("3h converts worse than 1h (significant at 95 %)", result.Verdict);
    }

    [Fact]
    public void Should_not_call_all_against_nothing_on_a_handful_significant()
    {
        var result = ConversionDifference.Between("1h", 0, 2, "3h", 2, 2);

        Assert.Equal(1.0, result.Difference);
        Assert.Equal(ConversionDifference.NotYetSignificant, result.Verdict);
    }

    [Fact]
    public void Should_say_so_while_an_arm_has_no_one()
    {
        var result = ConversionDifference.Between("1h", 0, 0, "3h", 3, 10);

        Assert.Null(result.Difference);
        Assert.Null(result.Lower);
        Assert.StartsWith("no data yet", result.Verdict, StringComparison.Ordinal);
    }
}
