using System.Text.RegularExpressions;

namespace AppleCliEmulator.Containers;

/// <summary>
/// ManagedContainer.nameValid (Sources/ContainerResource/Container/ManagedContainer.swift@1.2.2:45–52): at most 63
/// characters (from 1.2.0) and <c>^[a-zA-Z0-9][a-zA-Z0-9_.-]+$</c> (so at least two). An id without <c>--name</c> is a
/// lowercased UUID (Utility.createContainerID, Utility.swift@1.2.2:35–40).
/// </summary>
internal static partial class ContainerIds
{
    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")]
    private static partial Regex Pattern();

    public static bool IsValid(string id) => id.Length <= 63 && Pattern().IsMatch(id);

    public static string New() => Guid.NewGuid().ToString().ToLowerInvariant();
}
