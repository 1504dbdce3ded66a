using Aspire.Hosting.AppleContainer.Bridge.Apple;
using Aspire.Hosting.AppleContainer.Bridge.Oci;
using Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests;

/// <summary>
/// A registry password reaches the CLI on its standard input only: never on the argv, in the Debug log of the call, or in
/// the error of a failed login, even when the CLI echoes what it read.
/// </summary>
public sealed class RegistryLoginPasswordTests
{
    private const string Password = "pa55-w0rd-3e9c";

    public static TheoryData<string> Dialects() => ["podman", "docker", "apple"];

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Dialects))]
    public async Task The_password_arrives_on_standard_input_and_nowhere_on_the_argv_or_in_the_log(string dialect)
    {
        using var directory = new TempDirectory();
        var received = Path.Combine(directory.Path, "stdin");
        var argv = Path.Combine(directory.Path, "argv");
        var logger = new CapturingLogger();
        var runtime = Create(dialect, await FakeCliAsync(directory, $"printf '%s\\n' \"$@\" > '{argv}'\ncat > '{received}'\necho 'Login Succeeded!'\n"), logger);

        await runtime.LoginToRegistryAsync("127.0.0.1:5000", "deploy", Password);

        Assert.Equal(Password, await File.ReadAllTextAsync(received));
        var arguments = await File.ReadAllTextAsync(argv);
        Assert.Contains("--password-stdin", arguments, StringComparison.Ordinal);
        Assert.Contains("deploy", arguments, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, arguments, StringComparison.Ordinal);
        Assert.All(logger.Entries, entry => Assert.DoesNotContain(Password, entry.Message, StringComparison.Ordinal));
        Assert.NotEmpty(logger.Entries);
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Dialects))]
    public async Task A_failed_login_names_no_password_though_the_cli_echoes_it(string dialect)
    {
        using var directory = new TempDirectory();
        var logger = new CapturingLogger();
        var runtime = Create(dialect, await FakeCliAsync(directory, "read -r password\necho \"Error: logging into \\\"127.0.0.1:5000\\\" as $password: invalid username/password\" >&2\nexit 1\n"), logger);

        var error = await Assert.ThrowsAsync<BridgeException>(() => runtime.LoginToRegistryAsync("127.0.0.1:5000", "deploy", Password));

        Assert.Contains("invalid username/password", error.Message, StringComparison.Ordinal);
        foreach (var text in new[] { error.Message, error.ToString(), error.StandardError ?? string.Empty, string.Join(' ', error.Arguments) }.Concat(logger.Entries.Select(e => e.Message)))
        {
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Apples_login_gets_the_registrys_domain_since_the_cli_puts_its_own_scheme_in_front()
    {
        using var directory = new TempDirectory();
        var argv = Path.Combine(directory.Path, "argv");
        var runtime = Create("apple", await FakeCliAsync(directory, $"printf '%s\\n' \"$@\" > '{argv}'\ncat > /dev/null\n"), new CapturingLogger());

        await runtime.LoginToRegistryAsync("http://127.0.0.1:5000/", "deploy", Password);

        Assert.Equal(
            ["registry", "login", "--username", "deploy", "--password-stdin", "--scheme", "http", "127.0.0.1:5000"],
            (await File.ReadAllLinesAsync(argv)).Where(line => line.Length > 0));
    }

    private static IContainerRuntime Create(string dialect, string cli, CapturingLogger logger) => dialect switch
    {
        "apple" => new AppleContainerRuntime(cli) { Logger = logger },
        _ => new OciContainerRuntime(dialect, cli) { Logger = logger },
    };

    private static async Task<string> FakeCliAsync(TempDirectory directory, string body)
    {
        var cli = Path.Combine(directory.Path, "cli");
        await File.WriteAllTextAsync(cli, "#!/bin/sh\n" + body);
        File.SetUnixFileMode(cli, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return cli;
    }
}
