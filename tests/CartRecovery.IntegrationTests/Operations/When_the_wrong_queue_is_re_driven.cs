using CartRecovery.Contracts;
using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Service.Operations;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartRecovery.IntegrationTests.Operations;

[Collection(IntegrationCollection.Name)]
public sealed class When_the_wrong_queue_is_re_driven(ServiceEndpoints services)
{
    private ErrorQueueRedrive Redrive => new(services.RabbitMq, NullLogger<ErrorQueueRedrive>.Instance);

    [Fact]
    public async Task Should_refuse_a_queue_that_is_not_an_error_queue()
    {
        var refused = await Assert.ThrowsAsync<RedriveRefusedException>(() =>
            Redrive.RunAsync(new RedriveRequest(JourneyNames.CartAbandonment), CancellationToken.None));

        Assert.Contains("is not an error queue", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_an_error_queue_that_does_not_exist()
    {
        var queue = $"it-missing-{Guid.NewGuid():N}_error";

        var refused = await Assert.ThrowsAsync<RedriveRefusedException>(() =>
            Redrive.RunAsync(new RedriveRequest(queue), CancellationToken.None));

        Assert.Contains($"Queue '{queue}' does not exist", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--redrive")]
    [InlineData("--redrive", "--dry-run")]
    [InlineData("--redrive", "cart-abandonment_error", "--limit", "0")]
    [InlineData("--redrive", "cart-abandonment_error", "--limit", "all")]
    public void Should_refuse_a_command_line_without_a_queue_or_with_a_bad_limit(params string[] args) =>
        Assert.Throws<RedriveRefusedException>(() => RedriveRequest.FromArgs(args));

    [Fact]
    public void Should_read_the_queue_the_dry_run_and_the_limit_from_the_command_line() =>
        Assert.Equal(
            new RedriveRequest("cart-abandonment_error", DryRun: true, Limit: 5),
            RedriveRequest.FromArgs(["--redrive", "cart-abandonment_error", "--dry-run", "--limit", "5"]));
}
