using System.Text.Json.Nodes;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Podman;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Images;

/// <summary>
/// ClientImage.fetch and ClientImage.pull (ClientImage.swift@1.2.2:247–285, 354–378): a local image is used as is; a
/// missing one (notFound "image with reference …") is pulled from its registry. The pull normalizes the reference, picks
/// the scheme from the domain (<see cref="RequestScheme"/>), resolves the manifest (<see cref="RegistryProbe"/>) and then
/// lets podman fetch the content (<c>--tls-verify=false</c> exactly when the scheme is plain HTTP), with the state's logins
/// (<see cref="RegistryCredentials"/>).
/// </summary>
internal static class ImageFetcher
{
    public static LocalImage Fetch(string reference, JsonObject? platform, string scheme)
    {
        if (ImageStore.Get(reference) is { } local)
        {
            if (platform is not null && !Matches(local, platform))
            {
                // ClientImage.manifest(for:) finds no manifest for the platform (ClientImage.swift@1.2.2:51–58); fetch only
                // catches notFound, so the unsupported error is what the CLI prints.
                throw CliFailure.Of(ContainerizationError.Unsupported($"platform {PlatformResolver.Describe(platform)}"));
            }

            return local;
        }

        return Pull(reference, platform, scheme, progress: null);
    }

    public static LocalImage Pull(string reference, JsonObject? platform, string scheme, Action<string>? progress)
    {
        var normalized = ImageReference.Normalize(reference);
        var parsed = ImageReference.Parse(normalized);
        var host = parsed.Domain ?? throw CliFailure.Of(ContainerizationError.InvalidArgument($"could not extract host from reference {normalized}"));
        var plainHttp = RequestScheme.IsPlainHttp(scheme, host);
        var credentials = new RegistryCredentials(EmulatorState.Load());
        RegistryProbe.Resolve(parsed, plainHttp, credentials.Lookup(parsed.ResolvedDomain!));
        List<string> arguments = ["pull", "--quiet", .. credentials.PodmanArguments()];
        if (plainHttp)
        {
            arguments.Add("--tls-verify=false");
        }

        if (platform is not null)
        {
            arguments.AddRange(["--platform", $"{platform["os"]}/{platform["architecture"]}"]);
        }

        arguments.Add(normalized);
        progress?.Invoke("[1/2] Fetching image [0s]");
        var result = PodmanCli.Run(arguments);
        if (result.ExitCode != 0)
        {
            throw CliFailure.Of(ContainerizationError.Unknown(result.ErrorMessage));
        }

        progress?.Invoke("[2/2] Unpacking image [0s]");
        return ImageStore.Get(normalized) ?? throw CliFailure.Of(ContainerizationError.Internal($"failed to pull image {normalized}"));
    }

    private static bool Matches(LocalImage image, JsonObject platform) =>
        image.Os == platform["os"]?.GetValue<string>() && image.Architecture == platform["architecture"]?.GetValue<string>();
}
