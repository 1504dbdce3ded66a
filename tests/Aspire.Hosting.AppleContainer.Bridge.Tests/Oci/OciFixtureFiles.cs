namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Oci;

/// <summary>
/// Reads the captured podman and docker outputs under Fixtures/Oci (podman-4.3.1 and docker-20.10.24; see the README
/// in each folder).
/// </summary>
internal static class OciFixtureFiles
{
    /// <summary>The folder of each runtime's captures.</summary>
    public static string CaptureOf(string runtime) => runtime switch
    {
        "podman" => "podman-4.3.1",
        "docker" => "docker-20.10.24",
        _ => throw new ArgumentOutOfRangeException(nameof(runtime), runtime, "The OCI captures are of podman and docker."),
    };

    public static string Read(string runtime, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Oci", CaptureOf(runtime), name));

    public static string Podman(string name) => Read("podman", name);

    public static string Docker(string name) => Read("docker", name);

    /// <summary>
    /// The cases of a runtime's errors.txt and registry-errors.txt (<c>== podman|docker ARGS[ (note)]</c>, stderr lines, <c>exit=N</c>): the
    /// arguments (and note), and the stderr and exit code they produced.
    /// </summary>
    public static IReadOnlyDictionary<string, OciCapturedFailure> Errors(string runtime)
    {
        var header = $"== {runtime} ";
        var cases = new Dictionary<string, OciCapturedFailure>(StringComparer.Ordinal);
        string? command = null;
        var stderr = new List<string>();
        foreach (var line in (Read(runtime, "errors.txt") + "\n" + Read(runtime, "registry-errors.txt")).Split('\n'))
        {
            if (line.StartsWith(header, StringComparison.Ordinal))
            {
                command = line[header.Length..];
                stderr.Clear();
            }
            else if (line.StartsWith("exit=", StringComparison.Ordinal) && command is not null)
            {
                cases[command] = new OciCapturedFailure(string.Join('\n', stderr), int.Parse(line["exit=".Length..], System.Globalization.CultureInfo.InvariantCulture));
                command = null;
            }
            else
            {
                stderr.Add(line);
            }
        }

        return cases;
    }

    /// <summary>The one case of a runtime's errors.txt whose note (in parentheses after its arguments) is <paramref name="note"/>.</summary>
    public static OciCapturedFailure ErrorWithNote(string runtime, string note) =>
        Errors(runtime).Single(c => c.Key.EndsWith($"({note})", StringComparison.Ordinal)).Value;
}
