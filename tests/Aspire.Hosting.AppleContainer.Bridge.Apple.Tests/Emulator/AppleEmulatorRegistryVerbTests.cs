using System.Text.Json;
using Aspire.Hosting.AppleContainer.Bridge.Apple;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>
/// Which Apple verbs the dialect's registry and archive operations use, read from the emulator's call journal
/// (<c>ACTR_APPLE_EMULATOR_CALL_LOG</c>): login, tag, push, save and load each as one call of Apple's own verb, the
/// internal registry with <c>--scheme http</c>, the password on no argv.
/// </summary>
public sealed class AppleEmulatorRegistryVerbTests
{
    [EmulatorFact(Timeout = 180_000)]
    public async Task Login_tag_push_save_and_load_are_apples_registry_and_image_verbs()
    {
        await using var sandbox = new EmulatorSandbox();
        var password = $"pw-{Guid.NewGuid():N}";
        await using var registry = await TestRegistry.StartAsync("journal-user", password);
        var journal = Path.Combine(sandbox.State.Path, "calls.jsonl");
        var environment = new Dictionary<string, string?>(sandbox.Environment) { ["ACTR_APPLE_EMULATOR_CALL_LOG"] = journal };
        var runtime = new AppleContainerRuntime(sandbox.CliPath, new AppleContainerRuntimeOptions { Host = AppleEmulatorFixture.SimulatedMac, Environment = environment });
        var remote = $"{registry.Address}/journal-{sandbox.State.Instance}:1";
        var archive = Path.Combine(sandbox.State.Path, "saved.tar");
        try
        {
            await runtime.LoginToRegistryAsync(registry.Address, "journal-user", password);
            await runtime.TagImageAsync(EmulatorSandbox.BusyboxImage, remote);
            await runtime.PushImageAsync(remote);
            await runtime.SaveImagesAsync([remote], archive);
            var loaded = await runtime.LoadImagesAsync(archive);

            var calls = (await File.ReadAllLinesAsync(journal)).Select(line => JsonSerializer.Deserialize<string[]>(line) ?? []).ToList();
            Assert.Contains(["registry", "login", "--username", "journal-user", "--password-stdin", "--scheme", "http", registry.Address], calls);
            Assert.Contains(["image", "tag", EmulatorSandbox.BusyboxImage, remote], calls);
            Assert.Contains(["image", "push", "--progress", "plain", "--scheme", "http", remote], calls);
            Assert.Contains(["image", "save", "--output", archive, remote], calls);
            Assert.Contains(["image", "load", "--input", archive], calls);
            Assert.DoesNotContain(password, await File.ReadAllTextAsync(journal), StringComparison.Ordinal);
            Assert.Equal([remote], loaded);
            Assert.Contains($"journal-{sandbox.State.Instance}", await registry.GetCatalogAsync());
        }
        finally
        {
            await sandbox.CliAsync("image", "delete", remote);
        }
    }
}
