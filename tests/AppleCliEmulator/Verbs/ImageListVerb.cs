using System.Text.Json.Nodes;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Images;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary><c>image list [--format json] [-q]</c> (ImageList.swift@1.2.2:47–74): every image sorted by reference, as ImageResource JSON.</summary>
internal static class ImageListVerb
{
    private static readonly OptionSpec[] Options = [OptionSpec.Option("--format", "format"), OptionSpec.Flag("--quiet", "-q"), OptionSpec.Flag("--verbose", "-v")];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("image list", Options).Read(args);
        var format = ListFormat.Parse(parsed, "image list");
        ServiceGate.RequireHealth(state);
        var images = ImageStore.List();
        var rows = images.Select(i => new[] { i.Reference, i.Digest }).ToList();
        ListFormat.Emit(format, new JsonArray([.. images.Select(i => (JsonNode)i.Resource())]), ["NAME", "DIGEST"], rows, parsed.Has("--quiet"));
        return 0;
    }
}
