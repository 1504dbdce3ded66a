using System.Text.Json.Nodes;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Images;
using AppleCliEmulator.Json;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>image inspect refs…</c> (ImageInspect.swift@1.2.2:38–68): unique references looked up at once; any missing one fails
/// the call with <c>image not found: &lt;sorted refs&gt;</c>; the found ones print as pretty ImageResource JSON.
/// </summary>
internal static class ImageInspectVerb
{
    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("image inspect", []).Read(args);
        var references = Positionals.AtLeastOne(parsed, "image inspect", "<images>").Distinct(StringComparer.Ordinal).ToList();
        ServiceGate.RequireHealth(state);
        var (found, missing) = ImageStore.Find(references);
        if (missing.Count > 0)
        {
            throw CliFailure.Of(ContainerizationError.NotFound($"image not found: {string.Join(", ", missing.Order(StringComparer.Ordinal))}"));
        }

        Console.Out.WriteLine(SwiftJson.Pretty(new JsonArray([.. references.Select(r => (JsonNode)found[r].Resource())])));
        return 0;
    }
}
