namespace CartRecovery.Service.Support;

public sealed record TimerView(string Name, DateTimeOffset DueAt);
