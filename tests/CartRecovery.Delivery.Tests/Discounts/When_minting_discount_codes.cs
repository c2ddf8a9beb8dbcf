using CartRecovery.Delivery.Discounts;
using Microsoft.Extensions.Options;

namespace CartRecovery.Delivery.Tests.Discounts;

public sealed class When_minting_discount_codes
{
    private static readonly Guid JourneyId = Guid.Parse("6f1c2a4e-8d0b-4c8e-9a51-2b7f3e1d9c40");

    private static DiscountCodeMinter Minter(string secret = "a-secret-that-is-at-least-32-characters-long") =>
        new(Options.Create(new DiscountCodeOptions { Secret = secret }));

    [Fact]
    public void Should_mint_the_same_code_for_the_same_journey_step() =>
        Assert.Equal(Minter().Mint(JourneyId, 2), Minter().Mint(JourneyId, 2));

    [Fact]
    public void Should_mint_different_codes_for_different_steps_journeys_and_secrets()
    {
        string[] codes =
        [
            Minter().Mint(JourneyId, 2),
            Minter().Mint(JourneyId, 3),
            Minter().Mint(Guid.Parse("0b6e9f1a-3c2d-4e5f-8a7b-9c0d1e2f3a4b"), 2),
            Minter("another-secret-that-is-at-least-32-characters").Mint(JourneyId, 2),
        ];
        Assert.Equal(codes.Length, codes.Distinct().Count());
    }

    [Fact]
    public void Should_look_like_CR_and_two_groups_of_five_crockford_characters()
    {
        var code = Minter().Mint(JourneyId, 2);
        Assert.Matches("^CR-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", code);
        Assert.True(DiscountCodeMinter.IsWellFormed(code));
    }

    [Fact]
    public void Should_rarely_collide_across_many_journeys()
    {
        var minter = Minter();
        var codes = Enumerable.Range(0, 10_000).Select(i => minter.Mint(new Guid(i, 0, 0, new byte[8]), 2)).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("CR-7K3Q9-MX2PD", true)]
    [InlineData("CR-7K3Q9-MX2PI", false)]
    [InlineData("cr-7k3q9-mx2pd", false)]
    [InlineData("CR-7K3Q9MX2PD", false)]
    public void Should_recognise_well_formed_codes(string code, bool wellFormed) =>
        Assert.Equal(wellFormed, DiscountCodeMinter.IsWellFormed(code));
}
