using System.Globalization;
using Fluid;
using Fluid.Values;

namespace CartRecovery.Delivery.Templates;

/// <summary>Filters marketers use in templates: <c>money</c>, <c>local_date</c> and <c>required</c>.</summary>
internal static class EmailTemplateFilters
{
    public const string TimeZoneKey = "timeZone";

    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("money", Money);
        filters.AddFilter("local_date", LocalDate);
        filters.AddFilter("required", Required);
    }

    /// <summary><c>{{ amount | money }}</c> in the email's currency, or <c>{{ amount | money: "EUR" }}</c>.</summary>
    private static ValueTask<FluidValue> Money(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil())
        {
            return new(NilValue.Instance);
        }

        var currency = arguments.Count > 0 && !arguments.At(0).IsNil()
            ? arguments.At(0).ToStringValue()
            : context.GetValue("currency").ToStringValue();
        return new(new StringValue(MoneyFormatter.Format(input.ToNumberValue(), currency, context.CultureInfo)));
    }

    /// <summary><c>{{ date | local_date }}</c> as a long date, or with "short" or "long_time", in the email's
    /// culture and time zone.</summary>
    private static ValueTask<FluidValue> LocalDate(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.ToObjectValue() is not DateTimeOffset date)
        {
            return new(NilValue.Instance);
        }

        if (context.AmbientValues.TryGetValue(TimeZoneKey, out var zone) && zone is TimeZoneInfo timeZone)
        {
            date = TimeZoneInfo.ConvertTime(date, timeZone);
        }

        var format = (arguments.Count > 0 ? arguments.At(0).ToStringValue() : "") switch
        {
            "short" => "d",
            "long_time" => "f",
            _ => "D",
        };
        return new(new StringValue(date.ToString(format, context.CultureInfo)));
    }

    /// <summary><c>{{ discount_code | required: "discount_code" }}</c> fails the render when the value is missing
    /// or empty, so the fallback template goes out instead of an email with a hole in it.</summary>
    private static ValueTask<FluidValue> Required(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var isEmpty = input.IsNil()
            || (input.Type == FluidValues.String && string.IsNullOrWhiteSpace(input.ToStringValue()))
            || (input.Type == FluidValues.Array && !input.Enumerate(context).Any());
        if (isEmpty)
        {
            var name = arguments.Count > 0 ? arguments.At(0).ToStringValue() : "a value";
            throw new EmailTemplateException(
                string.Create(CultureInfo.InvariantCulture, $"The template requires {name}, which the email model lacks."));
        }

        return new(input);
    }
}
