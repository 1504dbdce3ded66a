using System.Globalization;
using System.Resources;

namespace Aspire.Hosting.AppleContainer.Tasks.Diagnostics;

/// <summary>
/// The tasks' own messages (<c>TaskMessages.resx</c>). Coded values start with their <c>ACTRnnnn: </c> id, which
/// <see cref="Format"/> splits off so MSBuild gets it as the diagnostic's code.
/// </summary>
internal static class TaskMessages
{
    /// <summary>The resources, also handed to each task as its <c>TaskResources</c>.</summary>
    public static ResourceManager ResourceManager { get; } =
        new("Aspire.Hosting.AppleContainer.Tasks.Diagnostics.TaskMessages", typeof(TaskMessages).Assembly);

    /// <summary>Formats a message; <paramref name="code"/> is its <c>ACTRnnnn</c> id or null for an uncoded one.</summary>
    public static string Format(string name, out string? code, params object?[] arguments)
    {
        var template = ResourceManager.GetString(name, CultureInfo.CurrentUICulture)
            ?? throw new InvalidOperationException($"No message named '{name}'.");
        var text = string.Format(CultureInfo.CurrentCulture, template, arguments);
        code = null;
        if (text.StartsWith("ACTR", StringComparison.Ordinal) && text.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0)
        {
            code = text[..colon];
            text = text[(colon + 2)..];
        }

        return text;
    }
}
