using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using MassTransit;

namespace CartRecovery.Journeys.Configuration;

/// <summary>
/// Which partition a journey message waits in: a customer's events by their customer id, so one customer's events
/// apply in arrival order on an instance and never fight over the customer's rows; a timer or command that names
/// only its journey by that journey's id. A message type with neither fails the endpoint at start.
/// </summary>
public static class JourneyPartitionKey
{
    private static readonly string[] JourneyIdProperties = ["JourneyId", "CartId", "OrderId"];

    public static Func<T, string> For<T>()
        where T : class =>
        Cache<T>.Key ?? throw new ConfigurationException(
            $"{typeof(T).Name} has neither a string CustomerId nor a Guid {string.Join("/", JourneyIdProperties)}, so the journey endpoint cannot partition it.");

    private static Func<T, string>? Build<T>()
    {
        var message = Expression.Parameter(typeof(T), "message");
        if (typeof(T).GetProperty("CustomerId", BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var type } customer
            && type == typeof(string))
        {
            return Expression.Lambda<Func<T, string>>(Expression.Property(message, customer), message).Compile();
        }

        var journey = JourneyIdProperties
            .Select(name => typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance))
            .FirstOrDefault(p => p?.PropertyType == typeof(Guid));
        if (journey is null)
        {
            return null;
        }

        var id = Expression.Lambda<Func<T, Guid>>(Expression.Property(message, journey), message).Compile();
        return m => id(m).ToString("N", CultureInfo.InvariantCulture);
    }

    private static class Cache<T>
        where T : class
    {
        public static readonly Func<T, string>? Key = Build<T>();
    }
}
