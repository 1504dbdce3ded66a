using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AppleCliEmulator.Errors;

namespace AppleCliEmulator.Images;

/// <summary>
/// One request of containerization's RegistryClient (Sources/ContainerizationOCI/Client/RegistryClient.swift@0.40.1:144-258),
/// as far as a registry on this machine needs it: Basic credentials on the first request when there are any (line 158-167);
/// a 401/403 whose WWW-Authenticate challenge is not Bearer (an htpasswd registry's <c>Basic realm=…</c>) fails
/// createTokenRequest (RegistryClient+Token.swift@0.40.1:160-165) and is thrown as invalidStatus with
/// <c>String(describing:)</c> of that error as its reason (lines 179-190); a Bearer challenge would fetch a token, which a
/// local docker-registry never asks for (its refusal is "access denied or wrong credentials", lines 205-208). Transport
/// failures are described by <see cref="Transport"/>. Only hosts on this machine are dialled (<see cref="LocalHosts"/>).
/// </summary>
internal static class RegistryRequest
{
    /// <summary>Sends the request; returns the response (the caller disposes it) or throws what the CLI prints.</summary>
    public static HttpResponseMessage Send(HttpMethod method, string url, string domain, bool plainHttp, (string Username, string Password)? credentials, string? accept = null)
    {
        var (host, port) = LocalHosts.Split(domain);
        if (!LocalHosts.IsLocal(host))
        {
            // The emulated Mac has no network: a registry name does not resolve (RegistryClient.swift@0.40.1:236–244). An IP
            // address elsewhere is not dialled either; that failure is reported as an unreachable host.
            throw CliFailure.Of(IPAddress.TryParse(host.Trim('[', ']'), out _)
                ? ContainerizationError.Unknown(Transport.Unreachable(host, port))
                : ContainerizationError.Internal($"failed to resolve either repository hostname {host}"));
        }

        using var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) }) { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(method, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (credentials is { } basic)
        {
            // BasicAuthentication.token(): "Basic " + base64("user:password") (RegistryClient+Token.swift@0.40.1).
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{basic.Username}:{basic.Password}")));
        }

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

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            using (response)
            {
                var bearer = response.Headers.WwwAuthenticate.Any(h => string.Equals(h.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase));
                var reason = bearer
                    ? "access denied or wrong credentials"
                    : ContainerizationError.InvalidArgument("missing Bearer challenge in WWW-Authenticate header").Describing;
                throw new InvalidStatusException(url, (int)response.StatusCode, response.ReasonPhrase, reason);
            }
        }

        return response;
    }

    /// <summary><c>RegistryClient.Error.invalidStatus</c>: <c>HTTP request to URL failed with response: CODE PHRASE. Reason: R</c>.</summary>
    public static string Describe(string url, int code, string? serverPhrase, string? reason) =>
        $"HTTP request to {url} failed with response: {code} {ReasonPhrase(code, serverPhrase)}. Reason: {reason ?? "Unknown"}";

    /// <summary>swift-nio's reason phrases for the common statuses (HTTPTypes.swift), else the server's.</summary>
    public static string ReasonPhrase(int code, string? server) => code switch
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

    /// <summary>
    /// The images service's <c>withAuthentication</c> (ImagesService.swift@1.2.2:414-447): a 401/403 without stored
    /// credentials becomes an internal error with ", no credentials found for host HOST"; with credentials it stays as it is.
    /// Either way the images service relays it over XPC (a non-ContainerizationError as <c>.unknown</c>, XPCServer.swift@1.2.2:215-230).
    /// </summary>
    public static CliFailure Refused(InvalidStatusException refusal, string domain, bool hadCredentials) =>
        CliFailure.Of(hadCredentials
            ? ContainerizationError.Unknown(refusal.Message)
            : ContainerizationError.Internal($"{refusal.Message}, no credentials found for host {domain}"));
}

/// <summary>A registry answered 401/403 (<c>RegistryClient.Error.invalidStatus</c>); the message is its description.</summary>
internal sealed class InvalidStatusException(string url, int code, string? phrase, string reason)
    : Exception(RegistryRequest.Describe(url, code, phrase, reason));
