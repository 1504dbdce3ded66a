using System.Text.Json;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Tasks;

/// <summary>The check task remembers the selected runtime under obj/ and, on a no-op build, asks it once instead of detecting it.</summary>
public sealed class CheckAppleContainerImagesMemoryTests : IDisposable
{
    private static readonly string[] Names = ["alpha", "beta", "gamma"];
    private readonly ImageTaskHarness _harness = new(names: Names);

    public void Dispose() => _harness.Dispose();

    private void BuildAll()
    {
        Assert.True(_harness.Check().Succeeded);
        foreach (var image in _harness.Images)
        {
            Assert.True(_harness.Build(image));
        }

        Assert.All(_harness.Images, image => Assert.True(File.Exists(image.GetMetadata("StampFile"))));
        _harness.Runtime.ImageQueries.Clear();
    }

    private bool HasStamp(string name) => File.Exists(_harness.Images.Single(i => i.ItemSpec == name).GetMetadata("StampFile"));

    [Fact]
    public void The_first_check_selects_the_runtime_and_remembers_its_name_and_cli_under_obj()
    {
        Assert.True(_harness.Check().Succeeded);

        Assert.Equal(1, _harness.Selections);
        using var memory = JsonDocument.Parse(File.ReadAllText(_harness.RuntimeMemoryFile));
        Assert.Equal("podman", memory.RootElement.GetProperty("name").GetString());
        Assert.Equal(_harness.Cli, memory.RootElement.GetProperty("executablePath").GetString());
    }

    [Fact]
    public void A_no_op_check_with_a_remembered_runtime_detects_nothing_and_asks_about_every_image_in_one_query()
    {
        BuildAll();
        var written = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc); // a rewrite would show now, however coarse the clock
        foreach (var image in _harness.Images)
        {
            File.SetLastWriteTimeUtc(image.GetMetadata("StampFile"), written);
        }

        var stamps = _harness.Images.Select(i => File.GetLastWriteTimeUtc(i.GetMetadata("StampFile"))).ToList();

        var (succeeded, task) = _harness.Check();

        Assert.True(succeeded);
        Assert.Equal(1, _harness.Selections);
        var query = Assert.Single(_harness.Runtime.ImageQueries);
        Assert.Equal(["localhost/alpha:1", "localhost/beta:1", "localhost/gamma:1"], query.Order(StringComparer.Ordinal));
        Assert.Equal("podman", task.RuntimeName);
        Assert.Equal(stamps, _harness.Images.Select(i => File.GetLastWriteTimeUtc(i.GetMetadata("StampFile"))));
        Assert.Empty(_harness.Engine.Warnings);
    }

    [Theory]
    [InlineData(RuntimeSelectionOptions.RuntimeVariable)]
    [InlineData(RuntimeSelectionOptions.ExecutablePathVariable)]
    public void A_changed_runtime_setting_forgets_the_remembered_runtime_and_selects_again(string setting)
    {
        BuildAll();
        _harness.Settings[setting] = setting == RuntimeSelectionOptions.RuntimeVariable ? "podman" : _harness.InstallCli("docker");

        Assert.True(_harness.Check().Succeeded);

        Assert.Equal(2, _harness.Selections);
        Assert.Single(_harness.Runtime.ImageQueries);
        Assert.All(Names, name => Assert.True(HasStamp(name)));
    }

    [Fact]
    public void A_replaced_cli_at_the_same_path_forgets_the_remembered_runtime()
    {
        _harness.Settings[RuntimeSelectionOptions.ExecutablePathVariable] = _harness.Cli;
        BuildAll();
        _harness.Check();
        Assert.Equal(1, _harness.Selections);

        _harness.InstallCli("podman", "#!/bin/sh\n# a newer podman\n");
        Assert.True(_harness.Check().Succeeded);

        Assert.Equal(2, _harness.Selections);
    }

    [Theory]
    [InlineData(BridgeErrorCode.RuntimeNotRunning)]
    [InlineData(BridgeErrorCode.RuntimeNotFound)]
    public void A_remembered_runtime_that_no_longer_answers_falls_back_to_selection_and_keeps_the_stamps(string code)
    {
        BuildAll();
        _harness.RecalledRuntime = new ScriptedImageRuntime { QueryError = new BridgeException(code, "podman stopped.") };

        var (succeeded, task) = _harness.Check();

        Assert.True(succeeded);
        Assert.Equal(2, _harness.Selections);
        Assert.Single(_harness.RecalledRuntime.ImageQueries);
        Assert.Single(_harness.Runtime.ImageQueries);
        Assert.Equal("podman", task.RuntimeName);
        Assert.All(Names, name => Assert.True(HasStamp(name)));
        Assert.Empty(_harness.Engine.Warnings);
        Assert.Contains(_harness.Engine.Messages, m => m.Message!.Contains("did not answer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_remembered_runtime_that_stopped_with_no_runtime_left_is_warning_ACTR1005_and_is_forgotten()
    {
        BuildAll();
        _harness.RecalledRuntime = new ScriptedImageRuntime { QueryError = new BridgeException(BridgeErrorCode.RuntimeNotRunning, "podman stopped.") };

        var (succeeded, task) = _harness.Check(select: _ => throw new BridgeException(BridgeErrorCode.RuntimeNotRunning, "podman stopped."));

        Assert.True(succeeded);
        Assert.Equal(string.Empty, task.RuntimeName);
        Assert.Equal("ACTR1005", Assert.Single(_harness.Engine.Warnings).Code);
        Assert.False(File.Exists(_harness.RuntimeMemoryFile));
    }

    [Fact]
    public void An_image_removed_from_the_runtime_loses_only_its_own_stamp_and_only_it_is_rebuilt()
    {
        BuildAll();
        var builds = _harness.Runtime.Builds.Count;
        _harness.Runtime.Images.TryRemove("localhost/beta:1", out _);

        Assert.True(_harness.Check().Succeeded);

        Assert.Equal(1, _harness.Selections);
        Assert.Single(_harness.Runtime.ImageQueries);
        Assert.Equal([true, false, true], Names.Select(HasStamp));
        Assert.Contains(_harness.Engine.Messages, m => m.Message!.Contains("'beta' (localhost/beta:1) is no longer in podman", StringComparison.Ordinal));
        Assert.True(_harness.Build(_harness.Images[1]));
        Assert.Equal(builds + 1, _harness.Runtime.Builds.Count);
        Assert.Equal(["localhost/beta:1"], _harness.Runtime.Builds.Last().Tags);
    }

    [Fact]
    public void With_force_rebuild_a_remembered_runtime_still_answers_one_query_and_no_detection_runs()
    {
        BuildAll();

        Assert.True(_harness.Check(force: true).Succeeded);

        Assert.Equal(1, _harness.Selections);
        Assert.Single(_harness.Runtime.ImageQueries);
        Assert.All(Names, name => Assert.False(HasStamp(name)));
    }

    [Fact]
    public void A_remembered_runtime_is_not_trusted_without_an_answer_even_when_every_image_needs_building()
    {
        BuildAll();
        _harness.RecalledRuntime = new ScriptedImageRuntime { QueryError = new BridgeException(BridgeErrorCode.RuntimeNotRunning, "podman stopped.") };

        Assert.True(_harness.Check(force: true).Succeeded);

        Assert.Equal(2, _harness.Selections);
        Assert.Empty(_harness.Runtime.ImageQueries);
        Assert.All(Names, name => Assert.False(HasStamp(name)));
    }

    [Fact]
    public void A_memory_file_that_is_not_valid_json_is_ignored_and_rewritten()
    {
        BuildAll();
        File.WriteAllText(_harness.RuntimeMemoryFile, "{ not json");

        Assert.True(_harness.Check().Succeeded);

        Assert.Equal(2, _harness.Selections);
        Assert.Equal("podman", JsonDocument.Parse(File.ReadAllText(_harness.RuntimeMemoryFile)).RootElement.GetProperty("name").GetString());
    }
}
