namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.FakeCli;

/// <summary>Finds the fake <c>container</c> CLI built from tests/FakeAppleCli (same configuration, sibling output folder).</summary>
public static class FakeAppleCliLocator
{
    /// <summary>The fake CLI's executable, or null when it was not built.</summary>
    public static string? Find()
    {
        // Artifacts layout: <artifacts>/bin/<project>/<config>/; the classic layout: <project>/bin/<config>/<tfm>/.
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var configuration = Path.GetFileName(here);
        var candidates = new[]
        {
            Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here)!)!, "FakeAppleCli", configuration, "container"),
            Path.GetFullPath(Path.Combine(here, "..", "..", "..", "..", "FakeAppleCli", "bin", Path.GetFileName(Path.GetDirectoryName(here)!), configuration, "container")),
        };
        return candidates.FirstOrDefault(File.Exists);
    }
}
