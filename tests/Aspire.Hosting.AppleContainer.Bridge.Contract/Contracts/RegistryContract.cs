using System.Collections.Concurrent;
using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>
/// Registries and archives, against real registries (<see cref="TestRegistry"/>: Debian's docker-registry on a free
/// 127.0.0.1 port, each test its own): tag and push with progress, pull back and run; login to an htpasswd registry;
/// the coded failures (auth refused, unreachable, image missing); save and load. Every registry, image, archive and login
/// a test makes is undone by its scope, whatever the outcome.
/// </summary>
/// <typeparam name="TFixture">The dialect's fixture.</typeparam>
public abstract class RegistryContract<TFixture>(TFixture fixture) : RuntimeContract<TFixture>(fixture)
    where TFixture : RuntimeFixture
{
    private const string User = "actr-deployer";

    /// <summary>A built image pushed to a registry, removed locally and pulled back runs and prints what it was built with.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Long)]
    public async Task An_image_pushed_to_a_registry_comes_back_by_pull_and_runs()
    {
        await using var scope = BeginTest();
        var registry = await StartRegistryAsync(scope);
        var (local, marker) = await BuildMarkedImageAsync(scope);
        var repository = scope.NewName();
        var remote = $"{registry.Address}/{repository}:1";
        scope.TrackImage(remote);
        var events = new ConcurrentQueue<ProgressEvent>();

        await Runtime.TagImageAsync(local, remote);
        await Runtime.PushImageAsync(remote, new SynchronousProgress(events.Enqueue));
        var catalog = await registry.GetCatalogAsync();
        var tags = await registry.GetTagsAsync(repository);
        await Runtime.RemoveImageAsync(remote);
        await Runtime.RemoveImageAsync(local);
        var existsAfterRemove = await Runtime.ImageExistsAsync(remote);
        await Runtime.PullImageAsync(remote);

        Assert.Contains(repository, catalog);
        Assert.Equal(["1"], tags);
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("push", e.Operation));
        Assert.False(existsAfterRemove);
        Assert.Equal(marker, await RunAndReadAsync(scope, remote));
    }

    /// <summary>
    /// An htpasswd registry refuses a push without login and a login with a wrong password (registry_auth_refused); with
    /// the right password the login succeeds, the push works and the registry's catalog lists the image.
    /// </summary>
    [RuntimeFact(Timeout = ContractTimeouts.Long)]
    public async Task An_htpasswd_registry_takes_a_push_only_after_a_login_with_the_right_password()
    {
        await using var scope = BeginTest();
        var password = $"pw-{Guid.NewGuid():N}";
        var registry = await StartRegistryAsync(scope, User, password);
        var repository = scope.NewName();
        var remote = $"{registry.Address}/{repository}:1";
        scope.TrackImage(remote);
        await Runtime.TagImageAsync(Fixture.BusyboxImage, remote);
        scope.Track($"login to {registry.Address}", ct => Fixture.ForgetRegistryLoginAsync(registry.Address, ct));

        var withoutLogin = await ThrowsBridgeAsync(() => Runtime.PushImageAsync(remote));
        var wrongPassword = await ThrowsBridgeAsync(() => Runtime.LoginToRegistryAsync(registry.Address, User, "not-" + password));
        await Runtime.LoginToRegistryAsync(registry.Address, User, password);
        await Runtime.PushImageAsync(remote);

        Assert.Equal(BridgeErrorCode.RegistryAuthRefused, withoutLogin.Code);
        Assert.Equal(BridgeErrorCode.RegistryAuthRefused, wrongPassword.Code);
        Assert.DoesNotContain(password, wrongPassword.ToString(), StringComparison.Ordinal);
        Assert.Contains(repository, await registry.GetCatalogAsync());
    }

    /// <summary>A push to a port nothing listens on fails with registry_unreachable, quoting the runtime.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task A_push_to_a_port_nothing_listens_on_is_registry_unreachable()
    {
        await using var scope = BeginTest();
        var remote = $"127.0.0.1:{TestRegistry.FreePort()}/{scope.NewName()}:1";
        scope.TrackImage(remote);
        await Runtime.TagImageAsync(Fixture.BusyboxImage, remote);

        var error = await ThrowsBridgeAsync(() => Runtime.PushImageAsync(remote));

        Assert.Equal(BridgeErrorCode.RegistryUnreachable, error.Code);
        Assert.NotNull(error.StandardError);
    }

    /// <summary>Pushing an image that is not local, or tagging a missing source, fails with image_not_found.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task Pushing_or_tagging_an_image_that_is_not_local_is_image_not_found()
    {
        await using var scope = BeginTest();
        var missing = $"127.0.0.1:{TestRegistry.FreePort()}/{scope.NewName()}:1";
        var target = $"localhost/{scope.NewName()}:1";
        scope.TrackImage(target);

        var push = await ThrowsBridgeAsync(() => Runtime.PushImageAsync(missing));
        var tag = await ThrowsBridgeAsync(() => Runtime.TagImageAsync(missing, target));

        Assert.Equal(BridgeErrorCode.ImageNotFound, push.Code);
        Assert.Equal(BridgeErrorCode.ImageNotFound, tag.Code);
        Assert.False(await Runtime.ImageExistsAsync(target));
    }

    /// <summary>Two references saved into one archive, removed and loaded back come back by those references and run.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Long)]
    public async Task Saved_images_load_back_under_their_references_and_run()
    {
        await using var scope = BeginTest();
        var (first, marker) = await BuildMarkedImageAsync(scope);
        var second = $"localhost/{scope.NewName()}:2";
        scope.TrackImage(second);
        await Runtime.TagImageAsync(first, second);
        var directory = Path.Combine(Path.GetTempPath(), scope.NewName());
        Directory.CreateDirectory(directory);
        scope.TrackPath(directory);
        var archive = Path.Combine(directory, "images.tar");

        await Runtime.SaveImagesAsync([first, second], archive);
        await Runtime.RemoveImageAsync(first);
        await Runtime.RemoveImageAsync(second);
        var goneAfterRemove = !await Runtime.ImageExistsAsync(first) && !await Runtime.ImageExistsAsync(second);
        var loaded = await Runtime.LoadImagesAsync(archive);

        Assert.True(new FileInfo(archive).Length > 0);
        Assert.True(goneAfterRemove);
        Assert.Contains(first, loaded);
        Assert.Contains(second, loaded);
        Assert.Equal(marker, await RunAndReadAsync(scope, second));
    }

    private static async Task<TestRegistry> StartRegistryAsync(ResourceScope scope, string? username = null, string? password = null)
    {
        var registry = await TestRegistry.StartAsync(username, password);
        scope.Track($"registry {registry.Address}", async _ => await registry.DisposeAsync());
        return registry;
    }

    /// <summary>Builds <c>localhost/NAME:1</c> on busybox with a file holding a nonce; returns the tag and the nonce.</summary>
    private async Task<(string Tag, string Marker)> BuildMarkedImageAsync(ResourceScope scope)
    {
        var tag = $"localhost/{scope.NewName()}:1";
        scope.TrackImage(tag);
        var marker = $"registry-contract-{Guid.NewGuid():N}";
        var context = Path.Combine(Path.GetTempPath(), scope.NewName());
        Directory.CreateDirectory(context);
        scope.TrackPath(context);
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), $"FROM {Fixture.BusyboxImage}\nRUN echo {marker} > /marker\n");
        await Runtime.BuildImageAsync(new BuildSpec { ContextDirectory = context, Tags = [tag], Labels = scope.Labels() });
        return (tag, marker);
    }

    /// <summary>Runs <c>cat /marker</c> in <paramref name="image"/> and returns what it printed.</summary>
    private async Task<string> RunAndReadAsync(ResourceScope scope, string image)
    {
        var id = await scope.RunAsync(new RunSpec { Name = scope.NewName(), Image = image, Args = ["cat", "/marker"], Labels = scope.Labels() });
        await Runtime.WaitForExitAsync(id);
        var output = new List<string>();
        await foreach (var line in Runtime.GetLogsAsync(id, follow: false))
        {
            output.Add(line.Text);
        }

        return string.Concat(output).Trim();
    }
}
