namespace CartRecovery.Service.Ingest;

/// <summary>One valid item of a request, ready to publish with its event id as the message id.</summary>
public sealed record ParsedEvent(object Message, Type MessageType, Guid EventId);
