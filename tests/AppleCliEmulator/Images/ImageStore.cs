using System.Text.Json.Nodes;
using AppleCliEmulator.Podman;

namespace AppleCliEmulator.Images;

/// <summary>
/// Images are podman's local images, named by their normalized reference. A lookup follows ClientImage._search
/// (ClientImage.swift@1.2.2:220–245): the reference as given or its normalized form; a reference without a domain also
/// matches podman's <c>localhost/</c> name for it (what a locally built, unqualified tag becomes in podman).
/// </summary>
internal static class ImageStore
{
    /// <summary>The images among <paramref name="references"/> that exist (one podman call) and those that do not.</summary>
    public static (Dictionary<string, LocalImage> Found, List<string> Missing) Find(IReadOnlyCollection<string> references)
    {
        var candidates = references.ToDictionary(r => r, Candidates, StringComparer.Ordinal);
        var names = candidates.Values.SelectMany(c => c).Distinct(StringComparer.Ordinal).ToList();
        var inspected = Inspect(names);
        var found = new Dictionary<string, LocalImage>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var reference in references)
        {
            var match = candidates[reference].FirstOrDefault(inspected.ContainsKey);
            if (match is null)
            {
                missing.Add(reference);
            }
            else
            {
                found[reference] = new LocalImage(match, inspected[match]);
            }
        }

        return (found, missing);
    }

    public static LocalImage? Get(string reference) => Find([reference]).Found.GetValueOrDefault(reference);

    /// <summary>Every image, one per name (<c>ClientImage.list</c>).</summary>
    public static List<LocalImage> List()
    {
        var names = PodmanCli.Check("images", "--format", "{{range .Names}}{{.}}\n{{end}}")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var inspected = Inspect(names);
        return [.. names.Where(inspected.ContainsKey).Select(n => new LocalImage(n, inspected[n])).OrderBy(i => i.Reference, StringComparer.Ordinal)];
    }

    /// <summary>The podman name of an Apple reference that is already normalized (a name without a domain lives under localhost/).</summary>
    public static string PodmanName(string normalized) => ImageReference.Parse(normalized).Domain is null ? $"localhost/{normalized}" : normalized;

    private static List<string> Candidates(string reference)
    {
        var list = new List<string>();
        try
        {
            var parsed = ImageReference.Parse(reference);
            if (parsed.Domain is not null)
            {
                list.Add(reference);
            }

            list.Add(ImageReference.Normalize(reference));
            if (parsed.Domain is null)
            {
                list.Add($"localhost/{ImageReference.NormalizeOnly(reference)}");
            }
        }
        catch (Errors.CliFailure)
        {
            // An unparseable reference matches nothing (ClientImage.get(names:) collects it as an error).
        }

        return list;
    }

    private static Dictionary<string, JsonObject> Inspect(IReadOnlyList<string> names)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return result;
        }

        var output = PodmanCli.Run(["image", "inspect", "--format", "json", .. names]).Output;
        if (string.IsNullOrWhiteSpace(output))
        {
            return result;
        }

        foreach (var image in JsonNode.Parse(output)?.AsArray() ?? [])
        {
            if (image is not JsonObject obj)
            {
                continue;
            }

            foreach (var name in names)
            {
                if (Names(obj).Contains(name) && !result.ContainsKey(name))
                {
                    result[name] = obj;
                }
            }
        }

        return result;
    }

    private static HashSet<string> Names(JsonObject image) =>
        [.. (image["RepoTags"] as JsonArray ?? []).Select(t => t!.GetValue<string>())];
}
