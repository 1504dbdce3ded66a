namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>
/// The references <c>load</c> prints on stdout: podman 4.3 and docker print <c>Loaded image: REF</c> once per reference,
/// podman 3 printed <c>Loaded image(s): A,B</c>, and docker prints <c>Loaded image ID: sha256:…</c> for an image of the
/// archive that carries no name (the id is then what names it).
/// </summary>
internal static class OciLoadParser
{
    private static readonly string[] Prefixes = ["Loaded image(s):", "Loaded image ID:", "Loaded image:"];

    /// <summary>The references (or ids, for unnamed images) in the order printed, without duplicates.</summary>
    public static IReadOnlyList<string> Parse(string standardOutput)
    {
        var references = new List<string>();
        foreach (var line in standardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var prefix = Array.Find(Prefixes, p => line.StartsWith(p, StringComparison.Ordinal));
            if (prefix is null)
            {
                continue;
            }

            foreach (var reference in line[prefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!references.Contains(reference, StringComparer.Ordinal))
                {
                    references.Add(reference);
                }
            }
        }

        return references;
    }
}
