using System.Reflection;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
