using System.Net;
using AppleCliEmulator.Errors;

namespace AppleCliEmulator.Images;

/// <summary>
/// The first request of a pull, made as containerization's RegistryClient.resolve makes it
/// (Sources/ContainerizationOCI/Client/RegistryClient+Fetch.swift@0.40.1:31–75): <c>HEAD
/// &lt;scheme&gt;://&lt;domain&gt;/v2/&lt;path&gt;/manifests/&lt;tag&gt;</c>, with the stored credentials of the domain
/// (ImagesService.swift@1.2.2:414-435). A status other than 200 fails with RegistryClient.Error.invalidStatus, described as
/// <c>HTTP request to &lt;url&gt; failed with response: &lt;code&gt; &lt;reason&gt;. Reason: &lt;body&gt;</c>
/// (RegistryClient+Error.swift@0.40.1:23–33; a HEAD response has no body, so <c>Unknown</c>; HTTPResponseStatus describes
/// itself as <c>"\(code) \(reasonPhrase)"</c> in swift-nio); a refusal as <see cref="RegistryRequest"/> describes it. The
/// images service relays that non-ContainerizationError as <c>.unknown</c> with its description (XPCServer.swift@1.2.2:215–230),
/// which is what the CLI prints.
/// </summary>
internal static class RegistryProbe
{
    private static readonly string Accept = string.Join(", ",
    [
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
        "*/*",
    ]);

    /// <summary>Checks that <paramref name="reference"/> (normalized) resolves at its registry, or throws what the CLI prints.</summary>
    public static void Resolve(ImageReference reference, bool plainHttp, (string Username, string Password)? credentials)
    {
        var domain = reference.ResolvedDomain ?? throw CliFailure.Of(ContainerizationError.InvalidArgument($"could not extract host from reference {reference}"));
        var tag = reference.Tag ?? reference.Digest ?? "latest";
        var url = $"{(plainHttp ? "http" : "https")}://{domain}/v2/{reference.Path}/manifests/{tag}";
        HttpResponseMessage response;
        try
        {
            response = RegistryRequest.Send(HttpMethod.Head, url, domain, plainHttp, credentials, Accept);
        }
        catch (InvalidStatusException refusal)
        {
            throw RegistryRequest.Refused(refusal, domain, credentials is not null);
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw CliFailure.Of(ContainerizationError.Unknown(RegistryRequest.Describe(url, (int)response.StatusCode, response.ReasonPhrase, reason: null)));
            }
        }
    }
}
