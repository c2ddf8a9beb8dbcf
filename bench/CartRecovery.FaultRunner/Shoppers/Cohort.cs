namespace CartRecovery.FaultRunner.Shoppers;

internal enum Cohort
{
    /// <summary>Fills a cart and walks away: the recovery email, then the discount.</summary>
    Abandoner,

    /// <summary>Orders within the idle window: no email.</summary>
    Buyer,

    /// <summary>Unsubscribes before the cart goes idle: no email.</summary>
    Unsubscribed,

    /// <summary>The order arrives before the cart's adds: no email.</summary>
    OutOfOrderBuyer,

    /// <summary>Unsubscribes once the recovery email is in: that email, and nothing after.</summary>
    UnsubscribesMidJourney,

    /// <summary>Erased by support once the recovery email is in: that email, nothing after, and no trace.</summary>
    ErasedMidJourney,
}
