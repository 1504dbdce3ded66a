using System.Formats.Tar;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;
using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.EmulatorSelfTests;

/// <summary>
/// The emulator's registry and archive verbs against real local registries (<see cref="TestRegistry"/>), checked against
/// Sources/ContainerCommands/Registry and Image @1.2.2 and containerization 0.40.1's RegistryClient, as cited on each test.
/// </summary>
public sealed class EmulatorRegistryTests
{
    private const string User = "emulator-user";

    /// <summary>RegistryLogin.swift@1.2.2:52-56: <c>--password-stdin</c> without <c>--username</c> is an invalidArgument error.</summary>
    [EmulatorFact(Timeout = 60_000)]
    public async Task Login_with_password_stdin_needs_a_username()
    {
        await using var sandbox = new EmulatorSandbox();

        var result = await sandbox.CliWithInputAsync("secret", null, "registry", "login", "--password-stdin", "127.0.0.1:5000");

        Assert.Equal((1, "Error: must provide --username with --password-stdin\n"), (result.ExitCode, result.StandardError));
    }

    /// <summary>
    /// The login pings <c>/v2/</c> with Basic credentials (RegistryLogin.swift@1.2.2:66-97, RegistryClient.ping): a wrong
    /// password is htpasswd's 401 with a Basic challenge, which fails createTokenRequest (RegistryClient+Token.swift@0.40.1:160-165)
    /// and prints as invalidStatus (RegistryClient.swift@0.40.1:179-190, RegistryClient+Error.swift@0.40.1:24-32); the right one
    /// is stored, 0600, and pushes of that state use it; a push without it gains ", no credentials found for host"
    /// (ImagesService.swift@1.2.2:436-446); <c>registry logout</c> forgets it.
    /// </summary>
    [EmulatorFact(Timeout = 120_000)]
    public async Task A_login_is_checked_against_the_registry_stored_in_the_state_and_used_by_push_until_logout()
    {
        await using var sandbox = new EmulatorSandbox();
        var password = $"pw-{Guid.NewGuid():N}";
        await using var registry = await TestRegistry.StartAsync(User, password);
        var image = $"{registry.Address}/emulator-self-{sandbox.State.Instance}:1";
        await sandbox.CliAsync("image", "tag", EmulatorSandbox.BusyboxImage, image);
        try
        {
            var wrong = await sandbox.CliWithInputAsync("wrong-" + password, null, "registry", "login", "--username", User, "--password-stdin", "--scheme", "http", registry.Address);
            var refusedPush = await sandbox.CliAsync("image", "push", "--scheme", "http", image);
            var right = await sandbox.CliWithInputAsync(password + "\n", null, "registry", "login", "-u", User, "--password-stdin", "--scheme", "http", registry.Address);
            var authFile = Path.Combine(sandbox.State.Path, "registry-auth.json");
            var push = await sandbox.CliAsync("image", "push", "--scheme", "http", image);
            var logout = await sandbox.CliAsync("registry", "logout", registry.Address);
            var pushAfterLogout = await sandbox.CliAsync("image", "push", "--scheme", "http", image);

            var challenge = "invalidArgument: \"missing Bearer challenge in WWW-Authenticate header\"";
            Assert.Equal((1, $"Error: HTTP request to http://{registry.Address}/v2/ failed with response: 401 Unauthorized. Reason: {challenge}\n"), (wrong.ExitCode, wrong.StandardError));
            Assert.Equal(1, refusedPush.ExitCode);
            Assert.StartsWith($"Error: HTTP request to http://{registry.Address}/v2/emulator-self-", refusedPush.StandardError, StringComparison.Ordinal);
            Assert.EndsWith($"failed with response: 401 Unauthorized. Reason: {challenge}, no credentials found for host {registry.Address}\n", refusedPush.StandardError, StringComparison.Ordinal);
            Assert.Equal((0, "Login succeeded\n"), (right.ExitCode, right.StandardError));
            Assert.Equal((0, image + "\n"), (push.ExitCode, push.StandardOutput));
            Assert.Equal(0, logout.ExitCode);
            Assert.EndsWith($"no credentials found for host {registry.Address}\n", pushAfterLogout.StandardError, StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(authFile));
            Assert.Contains($"emulator-self-{sandbox.State.Instance}", await registry.GetCatalogAsync());
        }
        finally
        {
            await sandbox.CliAsync("image", "delete", image);
        }
    }

    /// <summary>
    /// Under <c>--scheme auto</c> the scheme follows the domain with its port (ClientImage.swift@1.2.2:384-393,
    /// RequestScheme.swift@1.2.2:46-96): <c>127.0.0.1:PORT</c> and <c>localhost:PORT</c> are HTTPS, so a plain-HTTP registry
    /// fails the TLS handshake; <c>--scheme http</c> reaches it.
    /// </summary>
    [EmulatorFact(Timeout = 120_000)]
    public async Task Push_under_scheme_auto_asks_a_registry_with_a_port_for_https()
    {
        await using var sandbox = new EmulatorSandbox();
        await using var registry = await TestRegistry.StartAsync();
        var image = $"localhost:{registry.Port}/emulator-scheme-{sandbox.State.Instance}:1";
        await sandbox.CliAsync("image", "tag", EmulatorSandbox.BusyboxImage, image);
        try
        {
            var auto = await sandbox.CliAsync("image", "push", image);
            var http = await sandbox.CliAsync("image", "push", "--scheme", "http", image);

            Assert.Equal(1, auto.ExitCode);
            Assert.StartsWith("Error: handshakeFailed(", auto.StandardError, StringComparison.Ordinal);
            Assert.Equal((0, image + "\n"), (http.ExitCode, http.StandardOutput));
            Assert.Equal(["1"], await registry.GetTagsAsync($"emulator-scheme-{sandbox.State.Instance}"));
        }
        finally
        {
            await sandbox.CliAsync("image", "delete", image);
        }
    }

    /// <summary>
    /// ImageSave.swift@1.2.2: one OCI layout tarball of every reference, each printed; a missing one is logged and the call
    /// fails with "failed to save image(s)". ImageLoad.swift@1.2.2: the references are read from the name annotations
    /// (LocalOCILayoutClient.swift@0.40.1:203-230) and printed one a line.
    /// </summary>
    [EmulatorFact(Timeout = 120_000)]
    public async Task Save_writes_an_oci_layout_with_apples_name_annotations_and_load_brings_the_images_back()
    {
        await using var sandbox = new EmulatorSandbox();
        var first = $"localhost/emulator-save-{sandbox.State.Instance}:1";
        var second = $"localhost/emulator-save-{sandbox.State.Instance}:2";
        var archive = Path.Combine(sandbox.State.Path, "images.tar");
        await sandbox.CliAsync("image", "tag", EmulatorSandbox.BusyboxImage, first);
        await sandbox.CliAsync("image", "tag", EmulatorSandbox.BusyboxImage, second);
        try
        {
            var missing = await sandbox.CliAsync("image", "save", "--output", archive, first, "localhost/nope:1");
            var save = await sandbox.CliAsync("image", "save", "--output", archive, first, second);
            var index = ReadIndex(archive);
            await sandbox.CliAsync("image", "delete", first, second);
            var load = await sandbox.CliAsync("image", "load", "--input", archive);
            var inspect = await sandbox.CliAsync("image", "inspect", first, second);

            Assert.Equal(1, missing.ExitCode);
            Assert.Equal("failed to get image for reference localhost/nope:1: notFound: \"image with reference localhost/nope:1\"\nError: failed to save image(s)\n", missing.StandardError);
            Assert.Equal((0, $"{first}\n{second}\n"), (save.ExitCode, save.StandardOutput));
            Assert.Equal(
                [first, second],
                index["manifests"]!.AsArray().Select(m => m!["annotations"]!["com.apple.containerization.image.name"]!.GetValue<string>()));
            Assert.Equal((0, $"{first}\n{second}\n"), (load.ExitCode, load.StandardOutput));
            Assert.Equal(0, inspect.ExitCode);
        }
        finally
        {
            await sandbox.CliAsync("image", "delete", first, second);
        }
    }

    /// <summary>
    /// The .NET SDK's archive (<c>-p:ContainerArchiveOutputPath=x.tar.gz -p:ContainerImageFormat=OCI</c>: OciArchiveFileRegistry
    /// writes an uncompressed PAX tar of blobs, <c>oci-layout</c> and an <c>index.json</c> whose manifest descriptors carry
    /// only <c>org.opencontainers.image.ref.name</c> = <c>repository:tag</c>) loads under that name, which Apple keeps as it is
    /// (LocalOCILayoutClient.swift@0.40.1:210-230), and runs.
    /// </summary>
    [EmulatorFact(Timeout = 120_000)]
    public async Task A_dotnet_sdk_oci_archive_loads_under_its_ref_name_and_runs()
    {
        await using var sandbox = new EmulatorSandbox();
        var name = $"emulator-sdk-{sandbox.State.Instance}:1";
        var archive = Path.Combine(sandbox.State.Path, "app.tar.gz");
        await WriteSdkStyleArchiveAsync(EmulatorSandbox.BusyboxImage, name, archive, sandbox.State.Path);
        try
        {
            var load = await sandbox.CliAsync("image", "load", "--input", archive);
            var run = await sandbox.CliAsync("run", "--name", $"sdk-{sandbox.State.Instance}", name, "echo", "from-the-sdk-archive");

            Assert.Equal((0, name + "\n"), (load.ExitCode, load.StandardOutput));
            Assert.Equal((0, "from-the-sdk-archive\n"), (run.ExitCode, run.StandardOutput));
        }
        finally
        {
            await sandbox.CliAsync("delete", "--force", $"sdk-{sandbox.State.Instance}");
            await sandbox.CliAsync("image", "delete", name);
        }
    }

    /// <summary>A missing input is logged with its path and exits 1 with no error line (ImageLoad.swift@1.2.2:54-59).</summary>
    [EmulatorFact(Timeout = 60_000)]
    public async Task Load_of_a_missing_file_logs_it_and_exits_1()
    {
        await using var sandbox = new EmulatorSandbox();

        var result = await sandbox.CliAsync("image", "load", "--input", "/tmp/actr-no-such-archive.tar");

        Assert.Equal((1, "file does not exist: [\"path\": /tmp/actr-no-such-archive.tar]\n"), (result.ExitCode, result.StandardError));
    }

    /// <summary>ACTR_APPLE_EMULATOR_CALL_LOG: one JSON argv a line per CLI invocation, never standard input.</summary>
    [EmulatorFact(Timeout = 60_000)]
    public async Task The_call_journal_records_each_argv_and_never_standard_input()
    {
        await using var sandbox = new EmulatorSandbox();
        var journal = Path.Combine(sandbox.State.Path, "calls.jsonl");
        var environment = new Dictionary<string, string?> { ["ACTR_APPLE_EMULATOR_CALL_LOG"] = journal };
        var secret = $"journal-secret-{Guid.NewGuid():N}";

        await sandbox.CliWithInputAsync(null, environment, "--version");
        await sandbox.CliWithInputAsync(secret, environment, "registry", "login", "--username", "u", "--password-stdin", "--scheme", "http", $"127.0.0.1:{TestRegistry.FreePort()}");

        var lines = await File.ReadAllLinesAsync(journal);
        Assert.Equal(2, lines.Length);
        Assert.Equal(["--version"], JsonSerializer.Deserialize<string[]>(lines[0]) ?? []);
        Assert.Equal(["registry", "login", "--username", "u", "--password-stdin", "--scheme", "http"], (JsonSerializer.Deserialize<string[]>(lines[1]) ?? [])[..7]);
        Assert.DoesNotContain(secret, await File.ReadAllTextAsync(journal), StringComparison.Ordinal);
    }

    private static JsonObject ReadIndex(string archive)
    {
        using var reader = new TarReader(File.OpenRead(archive));
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.Name == "index.json")
            {
                return JsonNode.Parse(entry.DataStream!)!.AsObject();
            }
        }

        throw new InvalidOperationException("no index.json in the archive");
    }

    /// <summary>
    /// Writes <paramref name="image"/>'s content as the SDK's OciArchiveFileRegistry lays it out: entries <c>blobs</c>,
    /// <c>blobs/sha256</c>, the layers, the config, the manifest, <c>oci-layout</c> and <c>index.json</c>, in that order.
    /// </summary>
    private static async Task WriteSdkStyleArchiveAsync(string image, string name, string archive, string work)
    {
        var layout = Path.Combine(work, "sdk-layout");
        var save = await Aspire.Hosting.AppleContainer.Bridge.Cli.ProcessRunner.Default.RunAsync(new Aspire.Hosting.AppleContainer.Bridge.Cli.ProcessRequest
        {
            FileName = "podman", Arguments = ["save", "--format", "oci-dir", "--output", layout, image], Timeout = TimeSpan.FromMinutes(1),
        });
        Assert.Equal(0, save.ExitCode);
        var index = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(layout, "index.json")))!;
        var manifestDigest = index["manifests"]![0]!["digest"]!.GetValue<string>();
        var blob = (string digest) => Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(blob(manifestDigest)))!;

        await using var stream = File.Create(archive);
        await using var writer = new TarWriter(stream, TarEntryFormat.Pax);
        await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "blobs"));
        await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "blobs/sha256"));
        foreach (var layer in manifest["layers"]!.AsArray())
        {
            var digest = layer!["digest"]!.GetValue<string>();
            await writer.WriteEntryAsync(blob(digest), $"blobs/sha256/{digest["sha256:".Length..]}");
        }

        foreach (var digest in new[] { manifest["config"]!["digest"]!.GetValue<string>(), manifestDigest })
        {
            await writer.WriteEntryAsync(blob(digest), $"blobs/sha256/{digest["sha256:".Length..]}");
        }

        await WriteTextAsync(writer, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}");
        var sdkIndex = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["manifests"] = new JsonArray(new JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
                ["digest"] = manifestDigest,
                ["size"] = new FileInfo(blob(manifestDigest)).Length,
                ["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = name },
            }),
            ["annotations"] = new JsonObject(),
        };
        await WriteTextAsync(writer, "index.json", sdkIndex.ToJsonString());
    }

    private static async Task WriteTextAsync(TarWriter writer, string name, string text)
    {
        using var data = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = data });
    }
}
