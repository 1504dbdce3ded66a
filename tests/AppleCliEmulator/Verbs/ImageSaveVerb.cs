using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Images;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>image save [-o|--output path] [--platform p] [-a|--arch a] [--os o] refs…</c> (ImageSave.swift@1.2.2:31-154): each
/// reference is looked up (a missing one logs <c>failed to get image for reference R: notFound: "image with reference R"</c>
/// and the call fails with "failed to save image(s)"); the images are written as one OCI layout tarball
/// (<see cref="OciLayoutArchive"/>) to the output, or to stdout without one; then each reference is printed on stdout, or
/// logged on stderr when stdout carries the archive.
/// </summary>
internal static class ImageSaveVerb
{
    private static readonly OptionSpec[] Options =
    [
        OptionSpec.Option("--output", "output", "-o"), OptionSpec.Option("--platform", "platform"), OptionSpec.Option("--arch", "arch", "-a"),
        OptionSpec.Option("--os", "os"),
    ];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("image save", Options).Read(args);
        var references = parsed.Positionals;
        var output = parsed.Value("--output") is { } path ? Path.GetFullPath(path) : null;
        ServiceGate.RequireHealth(state);
        _ = PlatformResolver.Resolve(parsed.Value("--platform"), parsed.Value("--os"), parsed.Value("--arch"));
        var images = new List<LocalImage>();
        foreach (var reference in references)
        {
            if (ImageStore.Get(reference) is { } image)
            {
                images.Add(image);
            }
            else
            {
                Console.Error.Write($"failed to get image for reference {reference}: {ContainerizationError.NotFound($"image with reference {reference}").Describing}\n");
            }
        }

        if (images.Count != references.Count)
        {
            throw CliFailure.Of(ContainerizationError.InvalidArgument("failed to save image(s)"));
        }

        if (output is not null)
        {
            OciLayoutArchive.Save(images, output);
        }
        else
        {
            var temporary = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid()}.tar");
            try
            {
                OciLayoutArchive.Save(images, temporary);
                using var archive = File.OpenRead(temporary);
                using var stdout = Console.OpenStandardOutput();
                archive.CopyTo(stdout);
            }
            finally
            {
                File.Delete(temporary);
            }
        }

        foreach (var reference in references)
        {
            if (output is null)
            {
                Console.Error.Write($"{reference}\n");
            }
            else
            {
                Console.Out.WriteLine(reference);
            }
        }

        return 0;
    }
}
