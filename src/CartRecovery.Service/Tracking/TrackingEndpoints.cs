using CartRecovery.Contracts;
using CartRecovery.Delivery.Links;
using MassTransit;

namespace CartRecovery.Service.Tracking;

/// <summary>Public endpoints behind the links in our emails. They act only on tokens we signed, redirect only to the
/// shop, and are rate limited per client IP.</summary>
public static class TrackingEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    // The smallest transparent GIF.
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static IEndpointRouteBuilder MapTracking(this IEndpointRouteBuilder app)
    {
        app.MapGet("/t/o/{token}", Open).WithName("TrackOpen").WithSummary("Open pixel: records an open, returns a 1x1 GIF")
            .RequireRateLimiting(TrackingRateLimitExtensions.PolicyName);
        app.MapGet("/t/c/{token}", Click).WithName("TrackClick")
            .WithSummary("Records a click and redirects to the signed target when it is on a shop host, else to the shop home")
            .RequireRateLimiting(TrackingRateLimitExtensions.PolicyName);
        app.MapGet("/u/{token}", ConfirmUnsubscribe).WithName("UnsubscribePage").WithSummary("Asks to confirm; never unsubscribes")
            .RequireRateLimiting(TrackingRateLimitExtensions.PolicyName);
        app.MapPost("/u/{token}", Unsubscribe).WithName("Unsubscribe").WithSummary("RFC 8058 one-click unsubscribe")
            .RequireRateLimiting(TrackingRateLimitExtensions.PolicyName);
        return app;
    }

    private static async Task<IResult> Open(
        string token, HttpRequest request, LinkSigner signer, IPublishEndpoint publish, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = Verify(signer, clock, token, TrackingTokenKinds.Open);
        if (check is not { Status: LinkStatus.Valid, Token: { } signed })
        {
            return Refuse(request, check.Status);
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

    private static async Task<IResult> Click(
        string token, HttpRequest request, LinkSigner signer, IPublishEndpoint publish, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = Verify(signer, clock, token, TrackingTokenKinds.Click);
        if (check is not { Status: LinkStatus.Valid, Token.Target: { } target } || check.Token is not { } signed)
        {
            return Refuse(request, check.Status);
        }

        var destination = signer.RedirectTargetFor(target);
        await publish.Publish(new EmailClicked
        {
            EventId = NewId.NextGuid(),
            OccurredAt = clock.GetUtcNow(),
            CustomerId = signed.CustomerId,
            JourneyId = signed.JourneyId,
            Step = signed.Step,
            Url = destination,
        }, cancellationToken);
        return TypedResults.Redirect(destination.AbsoluteUri);
    }

    private static IResult ConfirmUnsubscribe(string token, HttpRequest request, LinkSigner signer, TimeProvider clock)
    {
        var check = Verify(signer, clock, token, TrackingTokenKinds.Unsubscribe);
        return check.Status == LinkStatus.Valid ? TypedResults.Content(UnsubscribePages.Confirm, Html) : Refuse(request, check.Status);
    }

    private static async Task<IResult> Unsubscribe(
        string token, HttpRequest request, LinkSigner signer, IPublishEndpoint publish, TimeProvider clock, CancellationToken cancellationToken)
    {
        var check = Verify(signer, clock, token, TrackingTokenKinds.Unsubscribe);
        if (check is not { Status: LinkStatus.Valid, Token: { } signed })
        {
            return Refuse(request, check.Status);
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
        return TypedResults.Content(UnsubscribePages.Done, Html);
    }

    private static LinkCheck Verify(LinkSigner signer, TimeProvider clock, string token, string kind)
    {
        var check = signer.Check(token, clock.GetUtcNow());
        return check.Token?.Kind == kind ? check : LinkCheck.Invalid;
    }

    /// <summary>400 for a link we did not sign, 410 for one that expired: a page for browsers, problem details for
    /// the rest (mail clients posting one-click unsubscribes, scripts).</summary>
    private static IResult Refuse(HttpRequest request, LinkStatus status)
    {
        var expired = status == LinkStatus.Expired;
        var statusCode = expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
        var acceptsHtml = request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        return acceptsHtml
            ? TypedResults.Content(expired ? BadLinkPages.Expired : BadLinkPages.Invalid, Html, statusCode: statusCode)
            : TypedResults.Problem(title: expired ? "This link has expired." : "This link is not valid.", statusCode: statusCode);
    }
}
