using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Images;
using AppleCliEmulator.Podman;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>image push [--scheme s] ref</c> (ImagePush.swift@1.2.2:59–82): the image must exist (<c>image with reference …</c>,
/// ClientImage.get, ClientImage.swift@1.2.2:185–191), the scheme follows the domain as for a pull, only hosts on this
/// machine are contacted, and the stored reference is printed.
/// </summary>
internal static class ImagePushVerb
{
    private static readonly OptionSpec[] Options =
    [
        OptionSpec.Option("--scheme", "scheme"), OptionSpec.Option("--progress", "type"), OptionSpec.Option("--arch", "arch", "-a"),
        OptionSpec.Option("--os", "os"), OptionSpec.Option("--platform", "platform"),
    ];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("image push", Options).Read(args);
        var reference = Positionals.Single(parsed, "image push", "<reference>");
        ServiceGate.RequireHealth(state);
        _ = PlatformResolver.Resolve(parsed.Value("--platform"), parsed.Value("--os"), parsed.Value("--arch"));
        var scheme = RequestScheme.Validate(parsed.Value("--scheme") ?? "auto");
        var image = ImageStore.Get(reference) ?? throw CliFailure.Of(ContainerizationError.NotFound($"image with reference {reference}"));
        var parsedReference = ImageReference.Parse(image.Reference);
        var domain = parsedReference.Domain ?? throw CliFailure.Of(ContainerizationError.InvalidArgument($"could not extract host from reference {image.Reference}"));
        var plainHttp = RequestScheme.IsPlainHttp(scheme, domain);
        var (host, port) = LocalHosts.Split(parsedReference.ResolvedDomain!);
        if (!LocalHosts.IsLocal(host))
        {
            throw CliFailure.Of(ContainerizationError.Internal($"failed to resolve either repository hostname {host}"));
        }

        var arguments = new List<string> { "push", "--quiet" };
        if (plainHttp)
        {
            arguments.Add("--tls-verify=false");
        }

        arguments.Add(image.Reference);
        var result = PodmanCli.Run(arguments);
        if (result.ExitCode != 0)
        {
            throw CliFailure.Of(ContainerizationError.Unknown(result.Error.Contains("connection refused", StringComparison.Ordinal)
                ? $"POSIXErrorCode(rawValue: 61): Connection refused ({host}:{port ?? (plainHttp ? 80 : 443)})"
                : result.ErrorMessage));
        }

        Console.Out.WriteLine(image.Reference);
        return 0;
    }
}
