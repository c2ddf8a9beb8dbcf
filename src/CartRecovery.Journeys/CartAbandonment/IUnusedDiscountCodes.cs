namespace CartRecovery.Journeys.CartAbandonment;

/// <summary>The discount codes a cart journey's emails carried, as the journey may act on them without owning them.</summary>
public interface IUnusedDiscountCodes
{
    /// <summary>Revokes the journey's codes that were issued and not used, in the transaction of the message being consumed.</summary>
    Task RevokeAsync(Guid journeyId, CancellationToken cancellationToken);
}
