namespace CartRecovery.Service.Support;

public sealed record JourneyPage(IReadOnlyList<JourneyView> Items, int Page, int PageSize, bool HasMore);
