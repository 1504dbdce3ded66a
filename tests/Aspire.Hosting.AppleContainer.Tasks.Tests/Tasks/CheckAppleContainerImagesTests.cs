using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Tasks;

public sealed class CheckAppleContainerImagesTests : IDisposable
{
    private readonly ImageTaskHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private void BuildOnce()
    {
        Assert.True(_harness.Check().Succeeded);
        Assert.True(_harness.Build());
        Assert.True(File.Exists(_harness.StampFile));
    }

    [Fact]
    public void The_first_check_writes_the_fingerprint_and_reports_the_runtime()
    {
        var (succeeded, task) = _harness.Check();
        Assert.True(succeeded);
        Assert.Equal("podman", task.RuntimeName);
        Assert.Matches("^[0-9a-f]{64}$", File.ReadAllText(_harness.FingerprintFile));
        Assert.False(File.Exists(_harness.StampFile));
    }

    [Fact]
    public void An_unchanged_image_that_still_exists_keeps_its_stamp_and_its_fingerprint_file_is_not_rewritten()
    {
        BuildOnce();
        var fingerprint = File.ReadAllText(_harness.FingerprintFile);
        var written = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc); // a rewrite would show now, however coarse the clock
        File.SetLastWriteTimeUtc(_harness.FingerprintFile, written);

        Assert.True(_harness.Check().Succeeded);

        Assert.True(File.Exists(_harness.StampFile));
        Assert.Equal(written, File.GetLastWriteTimeUtc(_harness.FingerprintFile));
        Assert.Equal(fingerprint, File.ReadAllText(_harness.FingerprintFile));
        Assert.Contains(_harness.Runtime.ImageQueries, query => query.Contains("localhost/web:1"));
    }

    [Fact]
    public void An_image_removed_from_the_runtime_loses_its_stamp()
    {
        BuildOnce();
        _harness.Runtime.Images.Clear();

        Assert.True(_harness.Check().Succeeded);

        Assert.False(File.Exists(_harness.StampFile));
        Assert.Contains(_harness.Engine.Messages, m => m.Message!.Contains("no longer in podman", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_context_file_rewrites_the_fingerprint_and_drops_the_stamp()
    {
        BuildOnce();
        var before = File.ReadAllText(_harness.FingerprintFile);
        _harness.Project.Write("web/app.txt", "v2");

        Assert.True(_harness.Check().Succeeded);

        Assert.NotEqual(before, File.ReadAllText(_harness.FingerprintFile));
        Assert.False(File.Exists(_harness.StampFile));
    }

    [Fact]
    public void Force_rebuild_drops_the_stamp_of_an_unchanged_image()
    {
        BuildOnce();
        Assert.True(_harness.Check(force: true).Succeeded);
        Assert.False(File.Exists(_harness.StampFile));
    }

    [Theory]
    [InlineData(BridgeErrorCode.RuntimeNotFound, "ACTR1001")]
    [InlineData(BridgeErrorCode.RuntimeNotRunning, "ACTR1002")]
    public void A_missing_or_stopped_runtime_is_warning_ACTR1005_naming_the_bridge_diagnostic_and_nothing_is_built(string code, string bridgeId)
    {
        var (succeeded, task) = _harness.Check(select: _ => throw new BridgeException(code, "podman is not there."));

        Assert.True(succeeded);
        Assert.Equal(string.Empty, task.RuntimeName);
        var warning = Assert.Single(_harness.Engine.Warnings);
        Assert.Equal("ACTR1005", warning.Code);
        Assert.Contains(bridgeId, warning.Message, StringComparison.Ordinal);
        Assert.Contains("podman is not there.", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_dockerignore_line_is_ACTR4008_at_that_line()
    {
        var ignore = _harness.Project.Write("web/.dockerignore", "*.log\nbad[\n");

        Assert.False(_harness.Check().Succeeded);

        var error = Assert.Single(_harness.Engine.Errors);
        Assert.Equal(("ACTR4008", ignore, 2), (error.Code, error.File, error.LineNumber));
    }

    [Fact]
    public void Every_event_is_logged_on_the_thread_that_executes_the_task()
    {
        BuildOnce();
        _harness.Runtime.Images.Clear();
        var thread = Environment.CurrentManagedThreadId;
        _harness.Check();
        Assert.Equal([thread], _harness.Engine.LoggingThreads);
    }
}
