using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// Writes a value as unambiguous text for hashing: strings length-prefixed, numbers invariant, maps sorted by key,
/// lists in order, and any other object as all its public properties sorted by name, so a property added to a spec
/// type is written without anyone listing it.
/// </summary>
internal static class CanonicalText
{
    /// <summary>Appends <paramref name="value"/> to <paramref name="text"/>.</summary>
    public static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append('~');
                break;
            case string s:
                text.Append('"').Append(s.Length).Append(':').Append(s);
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case Enum e:
                text.Append(e.GetType().Name).Append('.').Append(e.ToString());
                break;
            case IFormattable number when value.GetType().IsPrimitive || value is decimal:
                text.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IEnumerable<KeyValuePair<string, string>> map:
                text.Append('{');
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Write(text, key);
                    text.Append('=');
                    Write(text, item);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(text, item);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                WriteProperties(text, value, PropertiesOf(value.GetType()), p => p.GetValue(value));
                break;
        }
    }

    /// <summary>The public instance properties of <paramref name="type"/>, sorted by name.</summary>
    public static IReadOnlyList<PropertyInfo> PropertiesOf(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        return properties.Count > 0
            ? properties
            : throw new InvalidOperationException($"{type.Name} has no public properties to write; say how it is written in {nameof(CanonicalText)}.");
    }

    /// <summary>Appends <c>(Name=value;…)</c> for <paramref name="properties"/>, each value from <paramref name="valueOf"/>.</summary>
    public static void WriteProperties(StringBuilder text, object owner, IEnumerable<PropertyInfo> properties, Func<PropertyInfo, object?> valueOf)
    {
        text.Append(owner.GetType().Name).Append('(');
        foreach (var property in properties)
        {
            text.Append(property.Name).Append('=');
            Write(text, valueOf(property));
            text.Append(';');
        }

        text.Append(')');
    }
}
