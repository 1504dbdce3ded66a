using AppleCliEmulator.Cli;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Images;
using AppleCliEmulator.Podman;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>image tag source target</c> (ImageTag.swift@1.2.2:38–44): the source must exist (<c>image with reference …</c>), the
/// target is normalized, and the target is printed as given.
/// </summary>
internal static class ImageTagVerb
{
    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("image tag", []).Read(args);
        if (parsed.Positionals.Count < 2)
        {
            throw Usage.Failure("image tag", $"Missing expected argument '{(parsed.Positionals.Count == 0 ? "<source>" : "<target>")}'");
        }

        ServiceGate.RequireHealth(state);
        var (source, target) = (parsed.Positionals[0], parsed.Positionals[1]);
        var image = ImageStore.Get(source) ?? throw CliFailure.Of(ContainerizationError.NotFound($"image with reference {source}"));
        PodmanCli.Check("tag", image.Podman["Id"]!.GetValue<string>(), ImageStore.PodmanName(ImageReference.Normalize(target)));
        Console.Out.WriteLine(target);
        return 0;
    }
}
