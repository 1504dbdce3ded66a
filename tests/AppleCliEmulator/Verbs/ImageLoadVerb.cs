using AppleCliEmulator.Cli;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Images;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>image load [-i|--input path] [-f|--force]</c> (ImageLoad.swift@1.2.2:27-111): a missing input file logs <c>file does
/// not exist</c> with its path and exits 1 without an error line (lines 54-59, <c>Application.exit(withError: ExitCode(1))</c>);
/// without <c>--input</c> the archive is read from stdin. The images of the OCI layout tarball (<see cref="OciLayoutArchive"/>:
/// Apple's own save, or the .NET SDK's <c>ContainerArchiveOutputPath</c> with <c>ContainerImageFormat=OCI</c>, plain or
/// gzip-compressed) are loaded and each one's reference printed on its own line.
/// </summary>
internal static class ImageLoadVerb
{
    private static readonly OptionSpec[] Options = [OptionSpec.Option("--input", "input", "-i"), OptionSpec.Flag("--force", "-f")];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("image load", Options).Read(args);
        if (parsed.Positionals.Count > 0)
        {
            throw Usage.Failure("image load", $"Unexpected argument '{parsed.Positionals[0]}'");
        }

        string? temporary = null;
        var input = parsed.Value("--input") is { } path ? Path.GetFullPath(path) : null;
        try
        {
            if (input is not null && !File.Exists(input))
            {
                // log.error("file does not exist", metadata: ["path": "\(input)"]) through StderrLogHandler (format approximated).
                Console.Error.Write($"file does not exist: [\"path\": {input}]\n");
                throw CliFailure.Exit(1);
            }

            if (input is null)
            {
                temporary = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid()}.tar");
                using var file = File.Create(temporary);
                Console.OpenStandardInput().CopyTo(file);
                input = temporary;
            }

            ServiceGate.RequireHealth(state);
            foreach (var reference in OciLayoutArchive.Load(input))
            {
                Console.Out.WriteLine(reference);
            }

            return 0;
        }
        finally
        {
            if (temporary is not null)
            {
                File.Delete(temporary);
            }
        }
    }
}
