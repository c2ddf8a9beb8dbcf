using CartRecovery.Contracts;
using CartRecovery.Delivery.Links;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CartRecovery.Service.Tracking;

/// <summary>Public endpoints behind the links in our emails. They act only on tokens we signed.</summary>
public static class TrackingEndpoints
{
    // The smallest transparent GIF.
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static IEndpointRouteBuilder MapTracking(this IEndpointRouteBuilder app)
    {
        app.MapGet("/t/o/{token}", Open).WithName("TrackOpen").WithSummary("Open pixel: records an open, returns a 1x1 GIF");
        app.MapGet("/t/c/{token}", Click).WithName("TrackClick").WithSummary("Records a click and redirects to the signed target only");
        app.MapGet("/u/{token}", ConfirmUnsubscribe).WithName("UnsubscribePage").WithSummary("Asks to confirm; never unsubscribes");
        app.MapPost("/u/{token}", Unsubscribe).WithName("Unsubscribe").WithSummary("RFC 8058 one-click unsubscribe");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, BadRequest<string>>> Open(
        string token, LinkSigner signer, IPublishEndpoint publish, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Verify(signer, clock, token, TrackingTokenKinds.Open, out var signed))
        {
            return TypedResults.BadRequest("This link is not valid.");
        }

        await publish.Publish(new EmailOpened
        {
            EventId = NewId.NextGuid(),
            OccurredAt = clock.GetUtcNow(),
            CustomerId = signed.CustomerId,
            JourneyId = signed.JourneyId,
            Step = signed.Step,
        }, cancellationToken);
        return TypedResults.File(Pixel, "image/gif");
    }

    private static async Task<Results<RedirectHttpResult, BadRequest<string>>> Click(
        string token, LinkSigner signer, IPublishEndpoint publish, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Verify(signer, clock, token, TrackingTokenKinds.Click, out var signed) || signed.Target is null)
        {
            return TypedResults.BadRequest("This link is not valid.");
        }

        await publish.Publish(new EmailClicked
        {
            EventId = NewId.NextGuid(),
            OccurredAt = clock.GetUtcNow(),
            CustomerId = signed.CustomerId,
            JourneyId = signed.JourneyId,
            Step = signed.Step,
            Url = signed.Target,
        }, cancellationToken);
        return TypedResults.Redirect(signed.Target.AbsoluteUri);
    }

    private static Results<ContentHttpResult, BadRequest<string>> ConfirmUnsubscribe(string token, LinkSigner signer, TimeProvider clock) =>
        Verify(signer, clock, token, TrackingTokenKinds.Unsubscribe, out _)
            ? TypedResults.Content(UnsubscribePages.Confirm, "text/html; charset=utf-8")
            : TypedResults.BadRequest("This link is not valid.");

    private static async Task<Results<ContentHttpResult, BadRequest<string>>> Unsubscribe(
        string token, LinkSigner signer, IPublishEndpoint publish, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Verify(signer, clock, token, TrackingTokenKinds.Unsubscribe, out var signed))
        {
            return TypedResults.BadRequest("This link is not valid.");
        }

        // One id per signed link: pressing the button twice (or a mail client's one-click POST) unsubscribes once.
        var eventId = NewId.NextGuid();
        await publish.Publish(new CustomerUnsubscribed
        {
            EventId = eventId,
            OccurredAt = clock.GetUtcNow(),
            CustomerId = signed.CustomerId,
            Source = "one-click",
        }, c => c.MessageId = UnsubscribeMessageId.For(token), cancellationToken);
        return TypedResults.Content(UnsubscribePages.Done, "text/html; charset=utf-8");
    }

    private static bool Verify(LinkSigner signer, TimeProvider clock, string token, string kind, out TrackingToken signed)
    {
        if (signer.TryVerify(token, clock.GetUtcNow(), out var verified) && verified.Kind == kind)
        {
            signed = verified;
            return true;
        }

        signed = null!;
        return false;
    }
}
