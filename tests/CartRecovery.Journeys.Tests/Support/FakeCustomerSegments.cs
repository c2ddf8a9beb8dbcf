using CartRecovery.Journeys.Customers;

namespace CartRecovery.Journeys.Tests.Support;

public sealed class FakeCustomerSegments : ICustomerSegments
{
    public HashSet<string> VipCustomerIds { get; } = [];

    public Task<bool> IsVipAsync(string customerId, CancellationToken cancellationToken) =>
        Task.FromResult(VipCustomerIds.Contains(customerId));
}
