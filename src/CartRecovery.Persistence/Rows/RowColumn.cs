using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace CartRecovery.Persistence.Rows;

/// <summary>One mapped property of an entity, as the EF model describes it (column, store type, value converter),
/// read and written with plain Npgsql: the same bytes EF would read and write, without its query pipeline.</summary>
public sealed class RowColumn
{
    private static readonly MethodInfo ReadAsMethod = typeof(RowColumn).GetMethod(nameof(ReadAs), BindingFlags.NonPublic | BindingFlags.Static)!;

    // Only a factory for parameters: creating one touches no state of the command.
    private static readonly NpgsqlCommand ParameterFactory = new();

    private readonly RelationalTypeMapping _mapping;
    private readonly ValueConverter? _converter;
    private readonly Func<NpgsqlDataReader, int, object?> _readProvider;
    private readonly Func<object, object?> _get;
    private readonly Action<object, object?> _set;
    private readonly bool _nullable;
    private readonly ValueComparer? _comparer;

    private RowColumn(string name, RelationalTypeMapping mapping, PropertyInfo property, bool nullable, ValueComparer comparer)
    {
        Name = name;
        _mapping = mapping;
        _converter = mapping.Converter;
        _nullable = nullable;
        // Only plain values are compared. A collection can change in place under its snapshot, and a converted value
        // (JSON) would cost a serialization to compare: those columns are always written.
        var clrType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        _comparer = _converter is null && (clrType.IsPrimitive || clrType.IsEnum || clrType == typeof(string) || clrType == typeof(Guid)
            || clrType == typeof(DateTimeOffset) || clrType == typeof(DateTime) || clrType == typeof(decimal))
            ? comparer
            : null;
        var providerType = _converter?.ProviderClrType ?? mapping.ClrType;
        providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
        _readProvider = ReadAsMethod.MakeGenericMethod(providerType).CreateDelegate<Func<NpgsqlDataReader, int, object?>>();
        _get = Getter(property);
        _set = Setter(property);
    }

    /// <summary>The column name, quoted for SQL.</summary>
    public string Name { get; }

    public static RowColumn For(IProperty property, StoreObjectIdentifier table)
    {
        var clrProperty = property.PropertyInfo
            ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} has no CLR property to read and write.");
        return new RowColumn($"\"{property.GetColumnName(table)}\"", property.GetRelationalTypeMapping(), clrProperty, property.IsNullable,
            property.GetValueComparer());
    }

    /// <summary>The column's value in <paramref name="instance"/>, as <see cref="Changed"/> compares it later.</summary>
    public object? Snapshot(object instance) => _comparer?.Snapshot(_get(instance));

    /// <summary>Whether <paramref name="instance"/> holds something other than <paramref name="snapshot"/>; always true
    /// for a column that is not compared.</summary>
    public bool Changed(object instance, object? snapshot) => _comparer is null || !_comparer.Equals(snapshot, _get(instance));

    public void Read(NpgsqlDataReader reader, int ordinal, object instance)
    {
        if (reader.IsDBNull(ordinal))
        {
            _set(instance, null);
            return;
        }

        var value = _readProvider(reader, ordinal);
        _set(instance, _converter is null ? value : _converter.ConvertFromProvider(value));
    }

    public NpgsqlParameter Parameter(object instance)
    {
        var parameter = (NpgsqlParameter)_mapping.CreateParameter(ParameterFactory, string.Empty, _get(instance), _nullable);
        // Positional ($n): a named parameter makes Npgsql rewrite the statement text on every execution.
        parameter.ParameterName = string.Empty;
        return parameter;
    }

    private static object? ReadAs<T>(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal);

    private static Func<object, object?> Getter(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object));
        var body = Expression.Convert(Expression.Property(Expression.Convert(instance, property.DeclaringType!), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, instance).Compile();
    }

    private static Action<object, object?> Setter(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object));
        var value = Expression.Parameter(typeof(object));
        var typed = Expression.Condition(
            Expression.Equal(value, Expression.Constant(null)),
            Expression.Default(property.PropertyType),
            Expression.Convert(value, property.PropertyType));
        var body = Expression.Assign(Expression.Property(Expression.Convert(instance, property.DeclaringType!), property), typed);
        return Expression.Lambda<Action<object, object?>>(body, instance, value).Compile();
    }
}
