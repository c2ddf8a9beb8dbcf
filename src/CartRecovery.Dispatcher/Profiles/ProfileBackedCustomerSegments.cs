using CartRecovery.Delivery.Profiles;
using CartRecovery.Journeys.Customers;
using Microsoft.Extensions.Options;

namespace CartRecovery.Dispatcher.Profiles;

/// <summary>VIP as the profile says: enough orders or lifetime value (thresholds from <c>Delivery:Segments</c>).</summary>
public sealed class ProfileBackedCustomerSegments(CustomerProfileStore profiles, IOptions<SegmentOptions> options) : ICustomerSegments
{
    public async Task<bool> IsVipAsync(string customerId, CancellationToken cancellationToken) =>
        await profiles.Find(customerId, cancellationToken) is { } profile && CustomerSegments.IsVip(profile, options.Value);
}
