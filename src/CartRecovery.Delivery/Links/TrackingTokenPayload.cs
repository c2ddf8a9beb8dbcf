using System.Text.Json.Serialization;

namespace CartRecovery.Delivery.Links;

/// <summary>The wire form of a <see cref="TrackingToken"/>; short names keep links short.</summary>
internal sealed record TrackingTokenPayload(
    [property: JsonPropertyName("k")] string Kind,
    [property: JsonPropertyName("j")] Guid JourneyId,
    [property: JsonPropertyName("s")] int Step,
    [property: JsonPropertyName("c")] string CustomerId,
    [property: JsonPropertyName("t")] string? Target,
    [property: JsonPropertyName("i")] long IssuedAtUnixSeconds);
