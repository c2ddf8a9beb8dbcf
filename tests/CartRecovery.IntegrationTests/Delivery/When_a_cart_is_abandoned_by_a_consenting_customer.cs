using CartRecovery.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using CartRecovery.Delivery.Links;
using CartRecovery.Dispatcher.Decisions;

namespace CartRecovery.IntegrationTests.Delivery;

/// <summary>The whole path: events over RabbitMQ, journey state in PostgreSQL, timers in the timer table, and the
/// recovery then discount email in the SMTP sink, each explained by the decision log.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_cart_is_abandoned_by_a_consenting_customer(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly Guid _cartId = Guid.NewGuid();
    private readonly string _customerId = $"ada-{Guid.NewGuid():N}";
    private TestHost _host = null!;

    private string Address => $"{_customerId}@example.com";

    public async Task InitializeAsync()
    {
        _host = await TestHost.Start(services, await services.CreateDatabase(), o =>
        {
            o.PurgeQueues = true;
            o.Settings["Delivery:Links:CartUrlTemplate"] = "https://shop.example/cart/{cartId}";
        });
        await _host.Bus.Publish(Customers.Consenting(_customerId));
        await Customers.ProfileReady(_host, _customerId);
        await _host.Bus.Publish(CartEvents.ItemAdded(_cartId, "BOOT-42", quantity: 2, unitPrice: 1234.5m, customerId: _customerId));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_deliver_the_recovery_email_then_the_discount_email()
    {
        var mails = await new SmtpSink(services.Maildir).WaitFor(Address, count: 2, TimeSpan.FromSeconds(40));

        var recovery = mails[0];
        Assert.Equal($"{_cartId:N}.1@cartrecovery.local", recovery.MessageId);
        Assert.StartsWith("<http://127.0.0.1:5080/u/", recovery.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", recovery.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("Ada", recovery.TextBody, StringComparison.Ordinal);
        Assert.Contains("Product BOOT-42", recovery.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("2.469,00", recovery.TextBody, StringComparison.Ordinal); // de-DE formatting of the cart value
        Assert.Contains("/t/o/", recovery.HtmlBody, StringComparison.Ordinal);

        var discount = mails[1];
        Assert.Equal($"{_cartId:N}.2@cartrecovery.local", discount.MessageId);
        Assert.Matches("CR-[0-9A-Z]{5}-[0-9A-Z]{5}", discount.TextBody);
    }

    [Fact]
    public async Task Should_write_to_a_german_customer_in_german_and_link_back_to_the_cart_page()
    {
        var mails = await new SmtpSink(services.Maildir).WaitFor(Address, count: 2, TimeSpan.FromSeconds(40));
        var signer = _host.Services.GetRequiredService<LinkSigner>();

        Assert.Equal("Ada, Sie haben etwas in Ihrem Warenkorb vergessen", mails[0].Subject);
        Assert.Contains("Gültig bis", mails[1].TextBody, StringComparison.Ordinal);
        foreach (var (mail, button) in new[] { (mails[0], "Zurück zum Warenkorb"), (mails[1], "Code einlösen") })
        {
            var link = Regex.Match(mail.TextBody ?? "", $@"{button}: http://127\.0\.0\.1:5080/t/c/(?<token>\S+)");
            Assert.True(link.Success, $"no '{button}' link in: {mail.TextBody}");
            Assert.True(signer.TryVerify(link.Groups["token"].Value, DateTimeOffset.UtcNow, out var token));
            Assert.Equal(new Uri($"https://shop.example/cart/{_cartId:D}"), token.Target);
        }
    }

    [Fact]
    public async Task Should_explain_both_emails_in_the_decision_log()
    {
        await new SmtpSink(services.Maildir).WaitFor(Address, count: 2, TimeSpan.FromSeconds(40));
        var log = _host.Services.CreateScope().ServiceProvider.GetRequiredService<DecisionLog>();

        var decisions = await Eventually.Until(() => log.ForJourney(_cartId, CancellationToken.None), d => d.Count >= 2, TimeSpan.FromSeconds(10), "decisions");

        Assert.Equal([1, 2], decisions.Select(d => d.Step));
        Assert.All(decisions, d => Assert.Equal(DecisionOutcomes.Sent, d.Outcome));
        Assert.All(decisions, d => Assert.Equal("allowed", d.Rule));
        Assert.NotNull(decisions[1].DiscountCode);
        Assert.DoesNotContain(decisions, d => d.Reason.Contains('@', StringComparison.Ordinal));
        Assert.Equal("sent", await _host.Database.Scalar<string>("SELECT status FROM send_ledger WHERE journey_id = @id AND step = 2", ("id", _cartId)));
    }
}
