namespace CartRecovery.Contracts;

public sealed record OrderShipped
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string CustomerId { get; init; }
    public required Guid OrderId { get; init; }
    public string? Carrier { get; init; }
    /// <summary>The carrier's number for the parcel, shown in the shipment email.</summary>
    public string? TrackingNumber { get; init; }
    public Uri? TrackingUrl { get; init; }
}
