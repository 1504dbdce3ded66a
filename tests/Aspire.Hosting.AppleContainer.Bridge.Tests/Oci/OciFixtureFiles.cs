namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Oci;

/// <summary>Reads the captured podman outputs under Fixtures/Oci/podman-4.3.1 (see the README there).</summary>
internal static class OciFixtureFiles
{
    public static string Podman(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Oci", "podman-4.3.1", name));

    /// <summary>The cases of errors.txt: the podman arguments, and the stderr they produced.</summary>
    public static IReadOnlyDictionary<string, string> PodmanErrors()
    {
        var cases = new Dictionary<string, string>(StringComparer.Ordinal);
        string? command = null;
        var stderr = new List<string>();
        foreach (var line in Podman("errors.txt").Split('\n'))
        {
            if (line.StartsWith("== podman ", StringComparison.Ordinal))
            {
                command = line["== podman ".Length..];
                stderr.Clear();
            }
            else if (line.StartsWith("exit=", StringComparison.Ordinal) && command is not null)
            {
                cases[command] = string.Join('\n', stderr);
                command = null;
            }
            else
            {
                stderr.Add(line);
            }
        }

        return cases;
    }
}
