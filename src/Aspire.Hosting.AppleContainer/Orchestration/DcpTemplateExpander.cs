using System.Text;
using System.Text.RegularExpressions;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// Expands the DCP templates Aspire writes into configuration values it expects DCP to fill: exactly
/// <c>{{ index .Annotations "key" }}</c>, with or without the <c>-</c> trim markers (Go text/template: <c>{{- </c> trims
/// the whitespace before the action, <c> -}}</c> the whitespace after it). Aspire's <c>WithOtlpExporter</c> sets
/// <c>OTEL_SERVICE_NAME</c> and <c>OTEL_RESOURCE_ATTRIBUTES</c> this way, for the annotations DCP puts on the objects it
/// runs (<c>Dcp/Model/ModelCommon.cs</c>). Any other template is left as written and reported.
/// </summary>
internal static partial class DcpTemplateExpander
{
    /// <summary>DCP's annotation with the OpenTelemetry service name (the resource's name).</summary>
    public const string OtelServiceNameAnnotation = "otel-service-name";

    /// <summary>DCP's annotation with the OpenTelemetry service instance id.</summary>
    public const string OtelServiceInstanceIdAnnotation = "otel-service-instance-id";

    private static readonly char[] TemplateWhitespace = [' ', '\t', '\r', '\n'];

    /// <summary>
    /// <paramref name="value"/> with each annotation template replaced by its value in <paramref name="annotations"/>;
    /// a template of another form, or of an annotation not in <paramref name="annotations"/>, stays as written and is
    /// passed to <paramref name="unknown"/>.
    /// </summary>
    public static string Expand(string value, IReadOnlyDictionary<string, string> annotations, Action<string> unknown)
    {
        if (!value.Contains("{{", StringComparison.Ordinal))
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        var position = 0;
        var trimNext = false;
        foreach (Match action in Action().Matches(value))
        {
            AppendText(result, value[position..action.Index], trimNext);
            position = action.Index + action.Length;
            var form = AnnotationIndex().Match(action.Value);
            if (!form.Success || !annotations.TryGetValue(form.Groups["key"].Value, out var replacement))
            {
                unknown(action.Value);
                result.Append(action.Value);
                trimNext = false;
                continue;
            }

            if (form.Groups["left"].Success)
            {
                TrimEnd(result);
            }

            result.Append(replacement);
            trimNext = form.Groups["right"].Success;
        }

        AppendText(result, value[position..], trimNext);
        return result.ToString();
    }

    private static void AppendText(StringBuilder result, string text, bool trimStart) =>
        result.Append(trimStart ? text.TrimStart(TemplateWhitespace) : text);

    private static void TrimEnd(StringBuilder result)
    {
        var end = result.Length;
        while (end > 0 && Array.IndexOf(TemplateWhitespace, result[end - 1]) >= 0)
        {
            end--;
        }

        result.Length = end;
    }

    /// <summary>One template action, <c>{{ ... }}</c>.</summary>
    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex Action();

    /// <summary>The one form expanded: <c>{{[- ]index .Annotations "key"[ -]}}</c> (a trim marker needs the space after or before it).</summary>
    [GeneratedRegex(@"^\{\{(?<left>-[ \t\r\n])?[ \t\r\n]*index[ \t\r\n]+\.Annotations[ \t\r\n]+""(?<key>[^""\\]*)""[ \t\r\n]*?(?<right>[ \t\r\n]-)?\}\}$")]
    private static partial Regex AnnotationIndex();
}
