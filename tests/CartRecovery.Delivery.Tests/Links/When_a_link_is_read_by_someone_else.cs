using System.Text;
using CartRecovery.Delivery.Tests.Support;

namespace CartRecovery.Delivery.Tests.Links;

public sealed class When_a_link_is_read_by_someone_else
{
    private const string CustomerId = "customer-4711-anna";

    [Fact]
    public void Should_not_reveal_the_customer_id_in_any_encoding()
    {
        var signer = LinkSigners.From(("Secret", LinkSigners.FirstSecret));
        var link = signer.ClickUrl(Guid.NewGuid(), 1, CustomerId, new Uri("https://mail.example.com/p/1"), Moments.Noon).Segments[^1];

        foreach (var part in link.Split('.'))
        {
            Assert.DoesNotContain(CustomerId, Decoded(part), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(CustomerId, link, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(CustomerId)).TrimEnd('=')[..16], link, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_still_read_its_own_links()
    {
        var signer = LinkSigners.From(("Secret", LinkSigners.FirstSecret));
        var link = signer.OpenPixelUrl(Guid.NewGuid(), 1, CustomerId, Moments.Noon).Segments[^1];

        Assert.True(signer.TryVerify(link, Moments.Noon, out var token));
        Assert.Equal(CustomerId, token.CustomerId);
        Assert.DoesNotContain(link, c => c is '+' or '/' or '=');
    }

    private static string Decoded(string base64Url)
    {
        var padded = base64Url.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
