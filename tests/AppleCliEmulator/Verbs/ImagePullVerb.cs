using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Images;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>image pull [--platform p] [--arch a] [--os o] [--scheme s] [--progress t] ref</c> (ImagePull.swift@1.2.2:71–108): the
/// reference is normalized (short names go to docker.io), always fetched from its registry (<see cref="ImageFetcher.Pull"/>),
/// and nothing is printed on stdout. Plain progress prints a line per stage on stderr (TerminalProgress; the lines are
/// shortened to the task counter, the description and the time).
/// </summary>
internal static class ImagePullVerb
{
    private static readonly OptionSpec[] Options =
    [
        OptionSpec.Option("--scheme", "scheme"), OptionSpec.Option("--progress", "type"), OptionSpec.Option("--max-concurrent-downloads", "max-concurrent-downloads"),
        OptionSpec.Option("--arch", "arch", "-a"), OptionSpec.Option("--os", "os"), OptionSpec.Option("--platform", "platform"),
    ];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("image pull", Options).Read(args);
        var reference = Positionals.Single(parsed, "image pull", "<reference>");
        ServiceGate.RequireHealth(state);
        var platform = PlatformResolver.Resolve(parsed.Value("--platform"), parsed.Value("--os"), parsed.Value("--arch"));
        var scheme = RequestScheme.Validate(parsed.Value("--scheme") ?? "auto");
        var progress = parsed.Value("--progress") ?? "auto";
        Action<string>? report = progress is "plain" or "auto" ? line => Console.Error.Write(line + "\n") : null;
        ImageFetcher.Pull(reference, platform, scheme, report);
        return 0;
    }
}
