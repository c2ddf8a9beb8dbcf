using System.Text.Json;
using FluentValidation;

namespace CartRecovery.Service.Ingest;

/// <summary>
/// Turns a request body (one event or an array) into contracts, validated with the same validators as the bus.
/// Errors are keyed by item index and field (<c>[2].item.unitPrice</c>), so a producer can fix exactly what failed.
/// </summary>
public sealed class EventBatchParser(IServiceProvider services)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(IReadOnlyList<ParsedEvent> Events, Dictionary<string, string[]> Errors)> Parse(
        JsonElement body, int maxBatchSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var items = body.ValueKind == JsonValueKind.Array ? [.. body.EnumerateArray()] : new List<JsonElement> { body };
        if (items.Count == 0 || items.Count > maxBatchSize)
        {
            errors["body"] = [$"Send between 1 and {maxBatchSize} events per request; this one has {items.Count}."];
            return ([], errors);
        }

        var events = new List<ParsedEvent>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            if (await ParseOne(items[index], $"[{index}]", errors, cancellationToken) is { } parsed)
            {
                events.Add(parsed);
            }
        }

        return (events, errors);
    }

    /// <summary>"Item.UnitPrice" becomes "item.unitPrice", the field as the producer wrote it.</summary>
    private static string JsonPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    private async Task<ParsedEvent?> ParseOne(JsonElement item, string at, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("type", out var typeName)
            || typeName.ValueKind != JsonValueKind.String)
        {
            errors[$"{at}.type"] = ["Each event is a JSON object with a \"type\" such as \"cart.item_added\"."];
            return null;
        }

        if (!EventTypes.ByName.TryGetValue(typeName.GetString()!, out var messageType))
        {
            errors[$"{at}.type"] = [$"Unknown type; expected one of {string.Join(", ", EventTypes.ByName.Keys)}."];
            return null;
        }

        object? message;
        try
        {
            message = item.Deserialize(messageType, Json);
        }
        catch (JsonException ex)
        {
            errors[at] = [ex.Message];
            return null;
        }

        if (message is null)
        {
            errors[at] = ["The event is empty."];
            return null;
        }

        var validator = (IValidator)services.GetRequiredService(typeof(IValidator<>).MakeGenericType(messageType));
        var result = await validator.ValidateAsync(new ValidationContext<object>(message), cancellationToken);
        foreach (var failure in result.Errors.GroupBy(f => f.PropertyName))
        {
            errors[$"{at}.{JsonPath(failure.Key)}"] = [.. failure.Select(f => f.ErrorMessage)];
        }

        return result.IsValid ? new ParsedEvent(message, messageType, (Guid)messageType.GetProperty("EventId")!.GetValue(message)!) : null;
    }
}
