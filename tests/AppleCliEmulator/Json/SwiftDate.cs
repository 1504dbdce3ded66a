using System.Globalization;

namespace AppleCliEmulator.Json;

/// <summary>
/// <c>JSONEncoder.DateEncodingStrategy.iso8601</c> (OutputRendering.swift@1.2.2:26–27): internet date-time in UTC with
/// whole seconds, e.g. <c>2026-06-10T08:00:05Z</c>.
/// </summary>
internal static class SwiftDate
{
    public static string Iso8601(DateTimeOffset date) =>
        date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Now() => Iso8601(DateTimeOffset.UtcNow);

    public static DateTimeOffset? Parse(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
