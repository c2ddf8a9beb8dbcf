using CartRecovery.Delivery.Links;
using CartRecovery.Delivery.Tests.Support;
using Microsoft.Extensions.Options;

namespace CartRecovery.Delivery.Tests.Configuration;

public sealed class When_link_keys_are_configured
{
    private static readonly string Key = new('k', 32);

    private static string ErrorOf(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Delivery:Links:BaseUrl"] = "https://mail.example.com",
            ["Delivery:Links:ShopUrl"] = "https://shop.example.com",
        };
        foreach (var (key, value) in settings)
        {
            values[$"Delivery:Links:{key}"] = value;
        }

        return Assert.Throws<OptionsValidationException>(() =>
            OptionsBinding.Bind<LinkSigningOptions, LinkSigningOptionsValidator>(LinkSigningOptions.SectionName, values)).Message;
    }

    [Fact]
    public void Should_refuse_a_current_key_id_that_names_no_key() =>
        Assert.Contains("Delivery:Links:CurrentKeyId", ErrorOf(("Secret", Key), ("CurrentKeyId", "2027")), StringComparison.Ordinal);

    [Fact]
    public void Should_refuse_a_key_id_a_link_cannot_carry() =>
        Assert.Contains("Key id 'a.b'", ErrorOf(("Secret", Key), ("Keys:a.b", Key)), StringComparison.Ordinal);

    [Fact]
    public void Should_refuse_a_short_key() =>
        Assert.Contains("Key '2026'", ErrorOf(("Secret", Key), ("Keys:2026", "short")), StringComparison.Ordinal);

    [Fact]
    public void Should_refuse_unsubscribe_links_that_expire_before_tracking_links() =>
        Assert.Contains("Delivery:Links:UnsubscribeTokenLifetime",
            ErrorOf(("Secret", Key), ("UnsubscribeTokenLifetime", "30.00:00:00")), StringComparison.Ordinal);

    [Fact]
    public void Should_refuse_a_redirect_host_that_is_not_a_host_name() =>
        Assert.Contains("Delivery:Links:AllowedRedirectHosts",
            ErrorOf(("Secret", Key), ("AllowedRedirectHosts:0", "https://shop.example/")), StringComparison.Ordinal);
}
