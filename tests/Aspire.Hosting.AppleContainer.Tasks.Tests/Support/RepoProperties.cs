using System.Xml.Linq;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

/// <summary>The properties the repository defines once, in its Directory.Build.props.</summary>
internal static class RepoProperties
{
    private static readonly XDocument Props = XDocument.Load(RepoPaths.Combine("Directory.Build.props"));

    /// <summary>The value of the property <paramref name="name"/> (defined exactly once).</summary>
    public static string Get(string name) => Props.Descendants(name).Single().Value.Trim();
}
