using System.Globalization;
using System.Text.Json;
using Quartz;

namespace CartRecovery.Scheduling;

/// <summary>What a trigger carries to send its message later, as plain strings (the job store keeps job data as
/// strings, so it stays readable in the database and survives upgrades).</summary>
public sealed record ScheduledMessageData
{
    private const string DestinationKey = "destination";
    private const string MessageTypeKey = "message-type";
    private const string BodyKey = "body";
    private const string MessageIdKey = "message-id";
    private const string TokenIdKey = "token-id";
    private const string ConversationIdKey = "conversation-id";
    private const string ScheduledAtKey = "scheduled-at";
    private const string HeadersKey = "headers";

    public required Uri Destination { get; init; }
    /// <summary>"Namespace.Type, Assembly", without version, so a rolling upgrade still resolves it.</summary>
    public required string MessageType { get; init; }
    public required string Body { get; init; }
    /// <summary>Fixed at scheduling: a refire after a crash carries the same id, and the inbox drops the copy.</summary>
    public required Guid MessageId { get; init; }
    public required Guid TokenId { get; init; }
    public Guid? ConversationId { get; init; }
    public required DateTimeOffset ScheduledAt { get; init; }
    /// <summary>Headers the scheduler's caller set (a redelivery's count and original addresses among them).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public JobDataMap ToJobData()
    {
        var map = new JobDataMap
        {
            [DestinationKey] = Destination.ToString(),
            [MessageTypeKey] = MessageType,
            [BodyKey] = Body,
            [MessageIdKey] = MessageId.ToString("D"),
            [TokenIdKey] = TokenId.ToString("D"),
            [ScheduledAtKey] = ScheduledAt.ToString("O", CultureInfo.InvariantCulture),
        };
        if (ConversationId is { } conversationId)
        {
            map[ConversationIdKey] = conversationId.ToString("D");
        }

        if (Headers.Count > 0)
        {
            map[HeadersKey] = JsonSerializer.Serialize(Headers);
        }

        return map;
    }

    public static ScheduledMessageData From(JobDataMap map) => new()
    {
        Destination = new Uri(map.GetString(DestinationKey)!),
        MessageType = map.GetString(MessageTypeKey)!,
        Body = map.GetString(BodyKey)!,
        MessageId = Guid.Parse(map.GetString(MessageIdKey)!),
        TokenId = Guid.Parse(map.GetString(TokenIdKey)!),
        ConversationId = map.TryGetString(ConversationIdKey, out var conversation) && conversation is not null ? Guid.Parse(conversation) : null,
        ScheduledAt = DateTimeOffset.Parse(map.GetString(ScheduledAtKey)!, CultureInfo.InvariantCulture),
        Headers = map.TryGetString(HeadersKey, out var headers) && headers is not null
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(headers) ?? []
            : new Dictionary<string, string>(),
    };
}
