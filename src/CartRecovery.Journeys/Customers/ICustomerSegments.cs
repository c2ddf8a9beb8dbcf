namespace CartRecovery.Journeys.Customers;

/// <summary>What the journeys may ask about a customer's standing, without owning the profile.</summary>
public interface ICustomerSegments
{
    Task<bool> IsVipAsync(string customerId, CancellationToken cancellationToken);
}
