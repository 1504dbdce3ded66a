using System.Net;
using AppleCliEmulator.Errors;

namespace AppleCliEmulator.Images;

/// <summary>
/// The first request of a pull, made as containerization's RegistryClient.resolve makes it
/// (Sources/ContainerizationOCI/Client/RegistryClient+Fetch.swift@0.40.1:31–75): <c>HEAD
/// &lt;scheme&gt;://&lt;domain&gt;/v2/&lt;path&gt;/manifests/&lt;tag&gt;</c>. A status other than 200 fails with
/// RegistryClient.Error.invalidStatus, described as <c>HTTP request to &lt;url&gt; failed with response: &lt;code&gt;
/// &lt;reason&gt;. Reason: &lt;body&gt;</c> (RegistryClient+Error.swift@0.40.1:23–33; a HEAD response has no body, so
/// <c>Unknown</c>; HTTPResponseStatus describes itself as <c>"\(code) \(reasonPhrase)"</c> in swift-nio). The images
/// service relays that non-ContainerizationError as <c>.unknown</c> with its description (XPCServer.swift@1.2.2:215–230),
/// which is what the CLI prints. Only hosts on this machine are contacted (<see cref="LocalHosts"/>).
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
    public static void Resolve(ImageReference reference, bool plainHttp)
    {
        var domain = reference.ResolvedDomain ?? throw CliFailure.Of(ContainerizationError.InvalidArgument($"could not extract host from reference {reference}"));
        var (host, port) = LocalHosts.Split(domain);
        if (!LocalHosts.IsLocal(host))
        {
            // The emulated Mac has no network: a registry name does not resolve (RegistryClient.swift@0.40.1:236–244). An IP
            // address elsewhere is not dialled either; that failure is reported as an unreachable host.
            throw CliFailure.Of(IPAddress.TryParse(host.Trim('[', ']'), out _)
                ? ContainerizationError.Unknown(Transport.Unreachable(host, port))
                : ContainerizationError.Internal($"failed to resolve either repository hostname {host}"));
        }

        var tag = reference.Tag ?? reference.Digest ?? "latest";
        var url = $"{(plainHttp ? "http" : "https")}://{domain}/v2/{reference.Path}/manifests/{tag}";
        using var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) }) { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        request.Headers.TryAddWithoutValidation("Accept", Accept);
        HttpResponseMessage response;
        try
        {
            response = client.Send(request);
        }
        catch (HttpRequestException ex)
        {
            throw CliFailure.Of(ContainerizationError.Unknown(Transport.Describe(ex, host, port, plainHttp)));
        }
        catch (TaskCanceledException)
        {
            throw CliFailure.Of(ContainerizationError.Unknown("HTTPClientError.deadlineExceeded"));
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            var code = (int)response.StatusCode;
            var described = $"HTTP request to {url} failed with response: {code} {ReasonPhrase(code, response.ReasonPhrase)}. Reason: Unknown";
            if (code is 401 or 403)
            {
                // ImagesService.withAuthentication (ImagesService.swift@1.2.2:436–447): no credentials for the host.
                throw CliFailure.Of(ContainerizationError.Internal($"{described}, no credentials found for host {domain}"));
            }

            throw CliFailure.Of(ContainerizationError.Unknown(described));
        }
    }

    /// <summary>swift-nio's reason phrases for the common statuses (HTTPTypes.swift), else the server's.</summary>
    private static string ReasonPhrase(int code, string? server) => code switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => server ?? string.Empty,
    };
}
