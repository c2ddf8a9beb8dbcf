using System.Globalization;
using CartRecovery.Contracts;
using CartRecovery.Delivery.Links;
using CartRecovery.Delivery.Policy;
using CartRecovery.Delivery.Templates;
using CartRecovery.Dispatcher.Cancellations;
using CartRecovery.Dispatcher.Decisions;
using CartRecovery.Dispatcher.Erasure;
using CartRecovery.Dispatcher.Ledger;
using CartRecovery.Dispatcher.Profiles;
using CartRecovery.Dispatcher.Sending;
using CartRecovery.Journeys.PostPurchase;
using CartRecovery.Journeys.Telemetry;
using CartRecovery.Persistence.Sagas;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CartRecovery.Dispatcher;

/// <summary>
/// Decides whether, when and how a due journey step reaches the customer (consent, holdout, caps, quiet hours),
/// then sends it at most once: the ledger claim commits before SMTP and is marked sent after the server accepts.
/// Every outcome is written to the decision log with the rule and values that decided it.
/// </summary>
public sealed class SendJourneyEmailConsumer(
    ContactPolicy policy,
    IOptions<ContactPolicyOptions> policyOptions,
    RequestFactsReader requestFacts,
    SendLedger ledger,
    LateJourneyEvents lateEvents,
    CustomerPseudonym pseudonyms,
    DecisionLog decisions,
    DiscountCodes discountCodes,
    RecentlyViewedProducts recentlyViewed,
    LinkSigner links,
    EmailRenderer renderer,
    EmailModelFactory models,
    EmailMessageFactory messages,
    IEmailSender sender,
    IOptions<SmtpOptions> smtpOptions,
    CartRecoveryMetrics metrics,
    IAfterCommit afterCommit,
    TimeProvider clock)
    : IConsumer<SendJourneyEmail>
{
    public async Task Consume(ConsumeContext<SendJourneyEmail> context)
    {
        var request = context.Message;
        var ct = context.CancellationToken;
        var now = clock.GetUtcNow();
        var messageId = messages.MessageIdFor(request.JourneyId, request.Step);
        var contact = new ContactRequest(request.JourneyId, request.Journey, request.Step, request.CustomerId, request.RequestedAt);
        var facts = await requestFacts.Read(request, contact, now - policyOptions.Value.Window, ct);

        var entry = facts.Entry;
        if (entry is not null && entry.Status != LedgerStatus.Waiting)
        {
            var inDoubt = entry.IsInDoubt(now, LongestSend);
            await Decide(request, inDoubt ? DecisionOutcomes.InDoubt : DecisionOutcomes.Duplicate, "ledger",
                inDoubt
                    ? "A previous attempt was cut off after claiming the send; it is in doubt and is not resent."
                    : "This step was already sent, or is being sent by another delivery; the repeat changed nothing.",
                now, ct, messageId: messageId);
            return;
        }

        // A step that waited for the relay and now will not be sent leaves the ledger, so later steps stop waiting.
        var waitedForRelay = entry is not null;
        async Task NotSending()
        {
            if (waitedForRelay)
            {
                await ledger.StopWaiting(request.JourneyId, request.Step, ct);
            }
        }

        switch (facts.Stop)
        {
            case SupportStop.CustomerErased:
                await NotSending();
                // Logged under the pseudonym, so the erased id is not written back.
                await Decide(request with { CustomerId = pseudonyms.Of(request.CustomerId) }, DecisionOutcomes.Suppressed,
                    ContactRules.Erased, "The customer was erased after this email was requested; it is not sent.", now, ct);
                return;
            case SupportStop.JourneyCancelled:
                await NotSending();
                await Decide(request, DecisionOutcomes.Suppressed, ContactRules.Cancelled,
                    "Support cancelled this journey; none of its emails goes out.", now, ct);
                return;
        }

        if (!waitedForRelay && await Settle(context, request, now, ct))
        {
            return;
        }

        var profile = facts.Profile;
        var decision = policy.Decide(contact, profile, facts.Slots, now);
        if (!decision.ShouldSend)
        {
            await HoldBack(context, request, decision, now, ct);
            return;
        }

        if (policy.TakesLastSlot(facts.Slots, now))
        {
            // The last slot goes to the highest-priority email falling due within the contention window, not to
            // whichever arrived first: this one waits out the window, then competes at the claim.
            var contendingSince = await ledger.Contend(contact, now, LongestSend, ct);
            var contestEnds = contendingSince + policyOptions.Value.ContentionWindow;
            if (now < contestEnds)
            {
                await context.ScheduleSend(context.ReceiveContext.InputAddress, contestEnds.UtcDateTime, request);
                await Decide(request, DecisionOutcomes.Deferred, ContactRules.LastSlotContest,
                    "This email would take the customer's last free slot; it waits for the contention window to end so " +
                    "that emails falling due together compete for the slot by journey priority.",
                    now, ct, decision.Values, contestEnds);
                return;
            }
        }

        await Send(context, request, contact, profile!, decision, messageId, now, ct);
    }

    /// <summary>
    /// Shops send events late: an order placed before the cart went idle can arrive after the recovery email was
    /// requested. So every email first waits out the settle window after its request (coming back to this endpoint,
    /// as deferred emails do), and then leaves only if no order, checkout or cancel reached its journey meanwhile.
    /// True when the email stops here, held or settled.
    /// </summary>
    private async Task<bool> Settle(ConsumeContext context, SendJourneyEmail request, DateTimeOffset now, CancellationToken ct)
    {
        var window = policyOptions.Value.SettleWindow;
        var settleEnds = request.RequestedAt + window;
        if (window > TimeSpan.Zero && now < settleEnds)
        {
            await context.ScheduleSend(context.ReceiveContext.InputAddress, settleEnds.UtcDateTime, request);
            await Decide(request, DecisionOutcomes.Deferred, ContactRules.SettleWindow,
                $"Held for the settle window of {window:c} after the request, so that a late order, checkout or cancel can still stop it.",
                now, ct, deferUntil: settleEnds);
            return true;
        }

        if (await lateEvents.Since(request.Journey, request.JourneyId, request.RequestedAt, ct) is not { } late)
        {
            return false;
        }

        afterCommit.Add(() => metrics.EmailSettled(request.Journey, request.Step, late));
        await Decide(request, DecisionOutcomes.Suppressed, ContactRules.SettledByLateEvent,
            $"A late {late} event reached the journey after this email was requested; the email is not sent.",
            now, ct, new Dictionary<string, string>
            {
                ["lateEvent"] = late,
                ["settleWindow"] = window.ToString("c", CultureInfo.InvariantCulture),
            });
        return true;
    }

    /// <summary>A policy rule holds the email back: deferred ones come back when the rule lets them, the others
    /// leave the ledger and the contest for the last slot.</summary>
    private async Task HoldBack(ConsumeContext context, SendJourneyEmail request, ContactDecision decision, DateTimeOffset now, CancellationToken ct)
    {
        await ledger.Withdraw(request.JourneyId, request.Step, ct);
        if (decision.IsDeferred)
        {
            await context.ScheduleSend(context.ReceiveContext.InputAddress, decision.DeferUntil!.Value.UtcDateTime, request);
            await Decide(request, DecisionOutcomes.Deferred, decision.Rule, decision.Reason, now, ct, decision.Values, decision.DeferUntil);
            return;
        }

        await ledger.StopWaiting(request.JourneyId, request.Step, ct);
        await Decide(request, DecisionOutcomes.Suppressed, decision.Rule, decision.Reason, now, ct, decision.Values);
    }

    private TimeSpan LongestSend => 2 * smtpOptions.Value.Timeout;

    private async Task Send(ConsumeContext context, SendJourneyEmail request, ContactRequest contact, Delivery.Profiles.CustomerProfile profile,
        ContactDecision decision, string messageId, DateTimeOffset now, CancellationToken ct)
    {
        IssuedDiscount? discount = null;
        if (request.DiscountPercent is { } percent)
        {
            var (issued, expiresAt) = await discountCodes.Issue(request.JourneyId, request.Step, request.CustomerId, percent, now, ct);
            discount = new IssuedDiscount(issued, expiresAt);
        }

        var code = discount?.Code;
        var products = request.Products;
        IReadOnlyList<ProductLine> recommendations = [];
        var bought = products.Select(p => p.Sku).ToList();
        if (request.Journey == JourneyNames.BrowseAbandonment)
        {
            // The journey knows one product; the profile knows what else the customer looked at this week.
            products = [.. products, .. await recentlyViewed.For(request.CustomerId, bought, now, ct)];
        }
        else if (request is { Journey: JourneyNames.PostPurchase, StepName: PostPurchaseSteps.CrossSellName })
        {
            // What the customer looked at lately in the order's categories, and did not buy.
            recommendations = await recentlyViewed.InCategories(request.CustomerId, EmailModelFactory.CategoriesOf(products), bought, now, ct);
        }

        var unsubscribe = links.UnsubscribeUrl(request.JourneyId, request.Step, request.CustomerId, now);
        var email = renderer.Render(request.Journey, request.StepName,
            models.Create(request, profile, products, recommendations, discount, unsubscribe, now));

        var attempt = await ledger.TryClaim(contact, messageId, now, LongestSend, ct);
        var claim = attempt.Result;
        if (attempt.HeldBack is { } heldBack)
        {
            // Another email took the slot between the policy's check and this claim; the decision names it.
            await HoldBack(context, request, heldBack, now, ct);
            return;
        }

        if (claim == ClaimResult.EarlierStepPending)
        {
            var retryAt = now + smtpOptions.Value.RetryFirstDelay;
            await context.ScheduleSend(context.ReceiveContext.InputAddress, retryAt.UtcDateTime, request);
            await Decide(request, DecisionOutcomes.Waiting, ContactRules.EarlierStepWaiting,
                "An earlier email of this journey has not reached the relay yet; this one follows it, never before it.",
                now, ct, deferUntil: retryAt);
            return;
        }

        if (claim != ClaimResult.Claimed)
        {
            var (refusal, rule, reason) = claim switch
            {
                ClaimResult.ConsentWithdrawn => (DecisionOutcomes.Suppressed, ContactRules.Unsubscribed,
                    "Consent was withdrawn just before sending; the unsubscribe won."),
                ClaimResult.CustomerErased => (DecisionOutcomes.Suppressed, ContactRules.Erased,
                    "The customer was erased just before sending; the erasure won."),
                ClaimResult.JourneyCancelled => (DecisionOutcomes.Suppressed, ContactRules.Cancelled,
                    "Support cancelled the journey just before sending; the cancel won."),
                _ => (DecisionOutcomes.Duplicate, "ledger", "Another delivery of this request claimed the send first."),
            };
            if (refusal == DecisionOutcomes.Suppressed)
            {
                await ledger.StopWaiting(request.JourneyId, request.Step, ct);
            }

            // An erased customer's id is not written back: the decision is logged under the pseudonym.
            var decided = claim == ClaimResult.CustomerErased ? request with { CustomerId = pseudonyms.Of(request.CustomerId) } : request;
            await Decide(decided, refusal, rule, reason, now, ct, messageId: messageId);
            return;
        }

        var result = await sender.SendAsync(messages.Create(profile.Email!, profile.FirstName, email, unsubscribe, request.JourneyId, request.Step), ct);
        switch (result.Outcome)
        {
            case SmtpSendOutcome.Accepted:
                await ledger.MarkSent(request.JourneyId, request.Step, clock.GetUtcNow(), ct);
                var values = new Dictionary<string, string>(decision.Values);
                if (email.UsedFallback)
                {
                    values["template"] = $"fallback: {email.FallbackReason}";
                }

                await Decide(request, DecisionOutcomes.Sent, decision.Rule, decision.Reason, now, ct, values,
                    messageId: messageId, discountCode: code);
                break;
            case SmtpSendOutcome.NotSent:
                await WaitForRelay(context, request, result.Error ?? "not sent", now, ct);
                break;
            case SmtpSendOutcome.Rejected:
                await ledger.Reject(request.JourneyId, request.Step, result.Error ?? "rejected", ct);
                await Decide(request, DecisionOutcomes.Failed, ContactRules.RelayRejected,
                    $"The SMTP relay refused this email for good ({result.Error}); it is not tried again.",
                    now, ct, messageId: messageId, discountCode: code);
                break;
            default:
                await Decide(request, DecisionOutcomes.InDoubt, "smtp",
                    "The connection broke while the email was in flight; it may have been delivered and is never resent.",
                    now, ct, messageId: messageId, discountCode: code);
                break;
        }
    }

    /// <summary>The relay is away or said "not now": the email keeps its place and is asked for again later, with
    /// backoff, in this message's transaction, so nothing is lost and nothing goes to the error queue.</summary>
    private async Task WaitForRelay(ConsumeContext context, SendJourneyEmail request, string error, DateTimeOffset now, CancellationToken ct)
    {
        var wait = await ledger.Wait(request.JourneyId, request.Step, error, now, ct);
        var retryAt = now + smtpOptions.Value.RetryDelayAfter(wait.Attempts);
        await context.ScheduleSend(context.ReceiveContext.InputAddress, retryAt.UtcDateTime, request);
        await Decide(request, DecisionOutcomes.Waiting, ContactRules.RelayUnavailable,
            $"The SMTP relay did not take this email ({error}); it has waited since {wait.WaitingSince:u} and is tried again at {retryAt:u}.",
            now, ct, new Dictionary<string, string>
            {
                ["waitingSince"] = wait.WaitingSince.ToString("O", CultureInfo.InvariantCulture),
                ["attempt"] = wait.Attempts.ToString(CultureInfo.InvariantCulture),
                ["error"] = error,
            }, retryAt);
    }

    private Task Decide(SendJourneyEmail request, string outcome, string rule, string reason, DateTimeOffset now, CancellationToken ct,
        IReadOnlyDictionary<string, string>? values = null, DateTimeOffset? deferUntil = null, string? messageId = null, string? discountCode = null)
    {
        afterCommit.Add(() => metrics.EmailDecided(request.Journey, outcome, rule));
        return decisions.Record(new DecisionRecord
        {
            JourneyId = request.JourneyId,
            Journey = request.Journey,
            Step = request.Step,
            CustomerId = request.CustomerId,
            Outcome = outcome,
            Rule = rule,
            Reason = reason,
            Values = values ?? new Dictionary<string, string>(),
            DeferUntil = deferUntil,
            MessageId = messageId,
            DiscountCode = discountCode,
            DecidedAt = now,
            Experiment = request.Experiment,
            Variant = request.Variant,
        }, ct);
    }
}
