using System.Net;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Images;
using AppleCliEmulator.Podman;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>image push [--scheme s] [--progress t] ref</c> (ImagePush.swift@1.2.2:59–81): the image must exist (<c>image with
/// reference …</c>, ClientImage.get, ClientImage.swift@1.2.2:185–191); the scheme follows the reference's domain with its
/// port under <c>auto</c> (ClientImage.push, lines 384–404, <see cref="RequestScheme"/>); the images service pushes with
/// the stored login of that domain (ImagesService.swift@1.2.2:117–145, 414–447). The push's first request is a HEAD of a
/// blob (RegistryClient+Push.swift@0.40.1:42–92), made here with the image's config digest (which blob Apple's export asks
/// about first is not fixed), so a refusal or an unreachable registry prints what the CLI prints; podman then pushes the
/// content with the state's logins. Only hosts on this machine are contacted; the stored reference is printed.
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
        var resolved = parsedReference.ResolvedDomain!;
        var credentials = new RegistryCredentials(state);
        var login = credentials.Lookup(resolved);
        Probe(parsedReference, resolved, plainHttp, login, $"sha256:{image.Podman["Id"]!.GetValue<string>()}");

        var progress = parsed.Value("--progress") ?? "auto";
        if (progress is "plain" or "auto")
        {
            Console.Error.Write($"Pushing image {image.Reference}\n");
        }

        List<string> arguments = ["push", "--quiet", .. credentials.PodmanArguments()];
        if (plainHttp)
        {
            arguments.Add("--tls-verify=false");
        }

        arguments.Add(image.Reference);
        var result = PodmanCli.Run(arguments);
        if (result.ExitCode != 0)
        {
            var (host, port) = LocalHosts.Split(resolved);
            throw CliFailure.Of(ContainerizationError.Unknown(result.Error.Contains("connection refused", StringComparison.Ordinal)
                ? $"POSIXErrorCode(rawValue: 61): Connection refused ({host}:{port ?? (plainHttp ? 80 : 443)})"
                : result.ErrorMessage));
        }

        Console.Out.WriteLine(image.Reference);
        return 0;
    }

    private static void Probe(ImageReference reference, string domain, bool plainHttp, (string Username, string Password)? login, string digest)
    {
        var url = $"{(plainHttp ? "http" : "https")}://{domain}/v2/{reference.Path}/blobs/{digest}";
        HttpResponseMessage response;
        try
        {
            response = RegistryRequest.Send(HttpMethod.Head, url, domain, plainHttp, login, "application/vnd.oci.image.config.v1+json, */*");
        }
        catch (InvalidStatusException refusal)
        {
            throw RegistryRequest.Refused(refusal, domain, login is not null);
        }

        using (response)
        {
            // 200 (already there) and 404 (to be uploaded) both go on (RegistryClient+Push.swift@0.40.1:70-90).
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotFound))
            {
                throw CliFailure.Of(ContainerizationError.Unknown(RegistryRequest.Describe(url, (int)response.StatusCode, response.ReasonPhrase, reason: null)));
            }
        }
    }
}
