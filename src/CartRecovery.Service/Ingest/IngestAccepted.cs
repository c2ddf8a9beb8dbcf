namespace CartRecovery.Service.Ingest;

public sealed record IngestAccepted(int Accepted);
