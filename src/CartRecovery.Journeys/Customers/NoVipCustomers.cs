namespace CartRecovery.Journeys.Customers;

/// <summary>The answer when no customer profile store is wired in: nobody is treated as VIP, so nobody gets
/// the larger discount by mistake. The service host replaces it with the profile-backed segments.</summary>
public sealed class NoVipCustomers : ICustomerSegments
{
    public Task<bool> IsVipAsync(string customerId, CancellationToken cancellationToken) => Task.FromResult(false);
}
