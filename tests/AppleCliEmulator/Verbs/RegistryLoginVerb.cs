using System.Net;
using System.Text.Json;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Images;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>registry login [--scheme s] [--password-stdin] [-u|--username u] server</c> (RegistryLogin.swift@1.2.2:27-98):
/// <c>--password-stdin</c> without a user name fails with "must provide --username with --password-stdin"; the password is
/// stdin to its end, trimmed of whitespace and newlines; a missing user name or password is prompted for on stdout and read
/// from stdin (KeychainHelper.swift@0.40.1:110-131; end of input is <c>invalidInput</c>). The server's domain is resolved
/// (docker.io is registry-1.docker.io), the scheme chosen for it with its port, and <c>GET /v2/</c> sent with the Basic
/// credentials (RegistryClient.ping, RegistryClient.swift@0.40.1:294-304): a refusal or a non-200 answer is the error the
/// CLI prints as it is (it runs in the CLI process, not over XPC); on 200 the login is stored (<see cref="RegistryCredentials"/>)
/// and "Login succeeded" logged on stderr.
/// </summary>
internal static class RegistryLoginVerb
{
    private static readonly OptionSpec[] Options =
    [
        OptionSpec.Option("--scheme", "scheme"), OptionSpec.Flag("--password-stdin"), OptionSpec.Option("--username", "username", "-u"),
    ];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("registry login", Options).Read(args);
        var server = Positionals.Single(parsed, "registry login", "<server>");
        ServiceGate.RequireHealth(state);
        var username = parsed.Value("--username") ?? string.Empty;
        var password = string.Empty;
        if (parsed.Has("--password-stdin"))
        {
            if (username.Length == 0)
            {
                throw CliFailure.Of(ContainerizationError.InvalidArgument("must provide --username with --password-stdin"));
            }

            password = Console.In.ReadToEnd().Trim();
        }

        if (username.Length == 0)
        {
            Console.Out.Write($"Provide registry username {server}: ");
            username = Console.In.ReadLine() ?? throw CliFailure.Of(new TextError("invalidInput"));
        }

        if (password.Length == 0)
        {
            Console.Out.Write("Provide registry password: ");
            password = Console.In.ReadLine() ?? throw CliFailure.Of(new TextError("invalidInput"));
            Console.Out.Write("\n");
        }

        var domain = ImageReference.ResolveDomain(server);
        var plainHttp = RequestScheme.IsPlainHttp(RequestScheme.Validate(parsed.Value("--scheme") ?? "auto"), domain);
        var url = $"{(plainHttp ? "http" : "https")}://{domain}/v2/";
        HttpResponseMessage response;
        try
        {
            response = RegistryRequest.Send(HttpMethod.Get, url, domain, plainHttp, (username, password));
        }
        catch (InvalidStatusException refusal)
        {
            throw CliFailure.Of(new TextError(refusal.Message));
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                // ping: the reason is the registry's error body re-encoded (ErrorResponse.fromResponseBody), else Unknown.
                throw CliFailure.Of(new TextError(RegistryRequest.Describe(url, (int)response.StatusCode, response.ReasonPhrase, ErrorBody(response))));
            }
        }

        new RegistryCredentials(state).Save(domain, username, password);
        Console.Error.Write("Login succeeded\n");
        return 0;
    }

    /// <summary><c>ErrorResponse.jsonString</c> when the body decodes as <c>{"errors":[{code,message,detail?}]}</c> with a string detail.</summary>
    private static string? ErrorBody(HttpResponseMessage response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            var errors = document.RootElement.GetProperty("errors").EnumerateArray().Select(e => new Dictionary<string, string?>
            {
                ["code"] = e.GetProperty("code").GetString(),
                ["message"] = e.GetProperty("message").GetString(),
                ["detail"] = e.TryGetProperty("detail", out var detail) ? detail.GetString() : null,
            }).ToList();
            return JsonSerializer.Serialize(new { errors = errors.Select(e => e.Where(p => p.Value is not null).ToDictionary()) });
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }
}
