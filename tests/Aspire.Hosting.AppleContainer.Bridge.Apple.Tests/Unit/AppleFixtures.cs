namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Unit;

/// <summary>Reads the golden fixtures (Fixtures/Apple, see its README for versions and sources).</summary>
internal static class AppleFixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Apple", name));

    /// <summary>The fixture's lines without <c>#</c> comments and blank lines.</summary>
    public static IEnumerable<string> Lines(string name) =>
        Read(name).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
