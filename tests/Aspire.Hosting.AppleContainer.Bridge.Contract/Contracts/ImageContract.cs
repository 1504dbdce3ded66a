using System.Collections.Concurrent;
using System.Diagnostics;

namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>Images: exists, pull and build with progress, build cancellation and failure, remove.</summary>
/// <typeparam name="TFixture">The dialect's fixture.</typeparam>
public abstract class ImageContract<TFixture>(TFixture fixture) : RuntimeContract<TFixture>(fixture)
    where TFixture : RuntimeFixture
{
    /// <summary>A pull reports progress and makes the image exist locally; removing it makes it disappear.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Long)]
    public async Task Pull_reports_progress_and_the_image_then_exists_until_removed()
    {
        await using var scope = BeginTest();
        var localName = $"localhost/{scope.NewName()}:latest";
        var reference = await Fixture.CreatePullableImageAsync(localName, scope, CancellationToken.None);
        Assert.False(await Runtime.ImageExistsAsync(localName));
        var events = new ConcurrentQueue<ProgressEvent>();

        await Runtime.PullImageAsync(reference, progress: new SynchronousProgress(events.Enqueue));
        var existsAfterPull = await Runtime.ImageExistsAsync(localName);
        await Runtime.RemoveImageAsync(localName);

        Assert.True(existsAfterPull);
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("pull", e.Operation));
        Assert.False(await Runtime.ImageExistsAsync(localName));
    }

    /// <summary>A build reports progress and produces an image that saw its build argument and secret.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Long)]
    public async Task Build_reports_progress_and_tags_an_image_built_with_args_and_secrets()
    {
        await using var scope = BeginTest();
        var tag = $"localhost/{scope.NewName()}:latest";
        scope.TrackImage(tag);
        var secret = $"s3cr3t-{Guid.NewGuid():N}";
        var secretHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
        var context = CreateContext(
            scope,
            $"FROM {Fixture.BusyboxImage}\nARG GREETING\nRUN --mount=type=secret,id=token test \"$(sha256sum < /run/secrets/token | cut -d' ' -f1)\" = {secretHash}\nRUN echo \"$GREETING\" > /greeting\n");
        var events = new ConcurrentQueue<ProgressEvent>();

        await Runtime.BuildImageAsync(
            new BuildSpec
            {
                ContextDirectory = context,
                Tags = [tag],
                BuildArgs = new Dictionary<string, string> { ["GREETING"] = "hello from the build" },
                Secrets = new Dictionary<string, string> { ["token"] = secret },
                Labels = scope.Labels(),
                NoCache = true,
            },
            new SynchronousProgress(events.Enqueue));
        var id = await scope.RunAsync(new RunSpec { Name = scope.NewName(), Image = tag, Args = ["cat", "/greeting"], Labels = scope.Labels() });
        await Runtime.WaitForExitAsync(id);
        var output = new List<string>();
        await foreach (var line in Runtime.GetLogsAsync(id, follow: false))
        {
            output.Add(line.Text);
        }

        Assert.True(await Runtime.ImageExistsAsync(tag));
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("build", e.Operation));
        Assert.DoesNotContain(events, e => e.Message.Contains(secret, StringComparison.Ordinal));
        Assert.Contains("hello from the build", output);
    }

    /// <summary>
    /// A file secret (<c>--secret id=ID,src=PATH</c>) reaches <c>/run/secrets/ID</c> in a <c>RUN --mount=type=secret</c>
    /// step, and neither its value nor that of a value secret shows in the build's progress.
    /// </summary>
    [RuntimeFact(Timeout = ContractTimeouts.Long)]
    public async Task Build_passes_a_file_secret_to_a_secret_mount()
    {
        await using var scope = BeginTest();
        var tag = $"localhost/{scope.NewName()}:latest";
        scope.TrackImage(tag);
        var fileSecret = $"file-{Guid.NewGuid():N}";
        var valueSecret = $"value-{Guid.NewGuid():N}";
        var context = CreateContext(
            scope,
            $"FROM {Fixture.BusyboxImage}\nRUN --mount=type=secret,id=fromfile --mount=type=secret,id=fromvalue cat /run/secrets/fromfile /run/secrets/fromvalue > /out\n");
        var secretFile = Path.Combine(Path.GetTempPath(), $"{scope.NewName()}.secret");
        File.WriteAllText(secretFile, fileSecret);
        scope.TrackPath(secretFile);
        var events = new ConcurrentQueue<ProgressEvent>();

        await Runtime.BuildImageAsync(
            new BuildSpec
            {
                ContextDirectory = context,
                Tags = [tag],
                Secrets = new Dictionary<string, string> { ["fromvalue"] = valueSecret },
                SecretFiles = new Dictionary<string, string> { ["fromfile"] = secretFile },
                Labels = scope.Labels(),
                NoCache = true,
            },
            new SynchronousProgress(events.Enqueue));
        var id = await scope.RunAsync(new RunSpec { Name = scope.NewName(), Image = tag, Args = ["cat", "/out"], Labels = scope.Labels() });
        await Runtime.WaitForExitAsync(id);
        var output = new List<string>();
        await foreach (var line in Runtime.GetLogsAsync(id, follow: false))
        {
            output.Add(line.Text);
        }

        Assert.Equal($"{fileSecret}{valueSecret}", string.Concat(output));
        Assert.DoesNotContain(events, e => e.Message.Contains(fileSecret, StringComparison.Ordinal) || e.Message.Contains(valueSecret, StringComparison.Ordinal));
    }

    /// <summary>A failing build step fails with build_failed.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Long)]
    public async Task Build_with_a_failing_step_fails_with_build_failed()
    {
        await using var scope = BeginTest();
        var tag = $"localhost/{scope.NewName()}:latest";
        scope.TrackImage(tag);
        var context = CreateContext(scope, $"FROM {Fixture.BusyboxImage}\nRUN exit 3\n");

        var error = await ThrowsBridgeAsync(() => Runtime.BuildImageAsync(new BuildSpec { ContextDirectory = context, Tags = [tag] }));

        Assert.Equal(BridgeErrorCode.BuildFailed, error.Code);
    }

    /// <summary>Canceling a build stops it promptly with an OperationCanceledException carrying the token.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Long)]
    public async Task Build_cancellation_stops_the_build_promptly()
    {
        await using var scope = BeginTest();
        var tag = $"localhost/{scope.NewName()}:latest";
        scope.TrackImage(tag);
        var context = CreateContext(scope, $"FROM {Fixture.BusyboxImage}\nRUN echo building-slowly && sleep 300\n");
        using var cancellation = new CancellationTokenSource();
        var watch = new Stopwatch();
        var progress = new SynchronousProgress(e =>
        {
            if (e.Message.Contains("building-slowly", StringComparison.Ordinal) && !watch.IsRunning)
            {
                watch.Start();
                cancellation.Cancel();
            }
        });

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runtime.BuildImageAsync(new BuildSpec { ContextDirectory = context, Tags = [tag], NoCache = true }, progress, cancellation.Token));
        watch.Stop();

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"the build ended {watch.Elapsed} after cancellation");
        Assert.False(await Runtime.ImageExistsAsync(tag));
    }

    /// <summary>An image that does not exist is reported missing, and removing it fails with image_not_found.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task A_missing_image_does_not_exist_and_cannot_be_removed()
    {
        await using var scope = BeginTest();
        var missing = $"localhost/{scope.NewName()}:latest";

        Assert.False(await Runtime.ImageExistsAsync(missing));
        Assert.Equal(BridgeErrorCode.ImageNotFound, (await ThrowsBridgeAsync(() => Runtime.RemoveImageAsync(missing))).Code);
        Assert.True(await Runtime.ImageExistsAsync(Fixture.BusyboxImage));
    }

    private static string CreateContext(ResourceScope scope, string dockerfile)
    {
        var directory = Path.Combine(Path.GetTempPath(), scope.NewName());
        Directory.CreateDirectory(directory);
        scope.TrackPath(directory);
        File.WriteAllText(Path.Combine(directory, "Dockerfile"), dockerfile);
        return directory;
    }
}
