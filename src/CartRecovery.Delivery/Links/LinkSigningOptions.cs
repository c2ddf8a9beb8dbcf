namespace CartRecovery.Delivery.Links;

/// <summary>How tracking and unsubscribe links are signed and where they point, bound from <c>Delivery:Links</c>.</summary>
public sealed record LinkSigningOptions
{
    public const string SectionName = "Delivery:Links";

    /// <summary>The id <see cref="Secret"/> signs under, so deployments that only set the secret keep working.</summary>
    public const string SecretKeyId = "default";

    /// <summary>A link key, at least 32 characters, known under the id <see cref="SecretKeyId"/>. Optional once
    /// <see cref="Keys"/> holds the keys; links signed with it before key ids existed still verify.</summary>
    public string Secret { get; init; } = "";

    /// <summary>Link keys by id (letters, digits, '-' and '_'). Rotate by adding a key and making it current: links
    /// already sent keep verifying for as long as their old key stays here.</summary>
    public Dictionary<string, string> Keys { get; init; } = [];

    /// <summary>The key new links are signed with; <see cref="SecretKeyId"/> when unset.</summary>
    public string? CurrentKeyId { get; init; }

    /// <summary>Absolute http(s) address of the tracking endpoints, e.g. "https://mail.example.com".</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The shop's home page: where a link with nowhere better to go lands. Required, since the tracking
    /// address (<see cref="BaseUrl"/>) serves no pages a customer could want.</summary>
    public Uri? ShopUrl { get; init; }

    /// <summary>The cart page with <see cref="CartIdPlaceholder"/> for the cart id, e.g.
    /// "https://shop.example/cart/{cartId}"; unset, cart emails link to the cart URL the events carried, else the shop.</summary>
    public string? CartUrlTemplate { get; init; }

    public const string CartIdPlaceholder = "{cartId}";

    /// <summary>Hosts a click may redirect to; the shop URL's host when empty. Any other target lands on the shop.</summary>
    public List<string> AllowedRedirectHosts { get; init; } = [];

    /// <summary>Open and click links older than this are refused.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Unsubscribe links older than this are refused; people unsubscribe from old emails for years.</summary>
    public TimeSpan UnsubscribeTokenLifetime { get; init; } = TimeSpan.FromDays(731);

    /// <summary>Every configured key by id, <see cref="Secret"/> included.</summary>
    public IReadOnlyDictionary<string, string> AllKeys()
    {
        var keys = new Dictionary<string, string>(Keys, StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(Secret))
        {
            keys.TryAdd(SecretKeyId, Secret);
        }

        return keys;
    }

    public string EffectiveCurrentKeyId => string.IsNullOrEmpty(CurrentKeyId) ? SecretKeyId : CurrentKeyId;
}
