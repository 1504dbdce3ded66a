using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Tasks.Tests.Support;
using Microsoft.Build.Framework;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Tasks;

public sealed class BuildAppleContainerImageTests : IDisposable
{
    private const string FailingDockerfile = "FROM localhost/actr-test/busybox:latest\nRUN true\nRUN echo hi \\\n  && exit 3\n";
    private readonly ImageTaskHarness _harness = new(FailingDockerfile);

    public void Dispose() => _harness.Dispose();

    private static BridgeException BuildFailed() => new(BridgeErrorCode.BuildFailed, "podman could not build the image (exit code 3): Error: ...") { Runtime = "podman" };

    [Fact]
    public void A_build_passes_the_declared_settings_to_the_bridge_logs_progress_at_normal_verbosity_and_writes_the_stamp()
    {
        _harness.Runtime.BuildOutput = ["STEP 1/2: FROM localhost/actr-test/busybox:latest", "STEP 2/2: COPY . /app"];
        Assert.True(_harness.Check().Succeeded);

        Assert.True(_harness.Build());

        var spec = Assert.Single(_harness.Runtime.Builds);
        Assert.Equal(["localhost/web:1"], spec.Tags);
        Assert.Equal(_harness.Dockerfile, spec.Dockerfile);
        Assert.Equal(Path.GetDirectoryName(_harness.Dockerfile), spec.ContextDirectory);
        Assert.Equal("1", spec.BuildArgs["A"]);
        Assert.Equal("a;b", spec.BuildArgs["LIST"]);
        Assert.Equal("s1", spec.Labels["session"]);
        Assert.Equal(("final", "linux/amd64"), (spec.Target, spec.Platform));
        Assert.Contains("STEP 2/2: COPY . /app", _harness.Engine.MessagesAtLeast(MessageImportance.Normal));
        Assert.Equal(File.ReadAllText(_harness.FingerprintFile), File.ReadAllText(_harness.StampFile));
    }

    [Fact]
    public void A_podman_step_failure_is_ACTR5003_at_the_line_where_the_failing_instruction_starts()
    {
        // podman 4.3.1 output for FailingDockerfile.
        _harness.Runtime.BuildOutput =
        [
            "STEP 1/4: FROM localhost/actr-test/busybox:latest", "STEP 2/4: RUN true", "--> 88d9ce71b99",
            "STEP 3/4: RUN echo hi   && exit 3", "hi", "Error: building at STEP \"RUN echo hi   && exit 3\": while running runtime: exit status 3",
        ];
        _harness.Runtime.BuildError = BuildFailed();
        _harness.Check();

        Assert.False(_harness.Build());

        var error = Assert.Single(_harness.Engine.Errors);
        Assert.Equal(("ACTR5003", _harness.Dockerfile, 3), (error.Code, error.File, error.LineNumber));
        Assert.Contains("exit status 3", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_harness.StampFile));
    }

    [Fact]
    public void A_BuildKit_parse_error_is_ACTR5004_at_the_line_it_names()
    {
        // docker buildx (BuildKit) --progress plain output for an unknown instruction on line 2.
        _harness.Runtime.BuildOutput =
        [
            "#1 [internal] load build definition from Dockerfile", "Dockerfile:2", "--------------------",
            "   1 |     FROM busybox", "   2 | >>> FOO bar", "--------------------",
            "ERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: FOO",
        ];
        _harness.Runtime.BuildError = BuildFailed();
        _harness.Check();

        Assert.False(_harness.Build());

        var error = Assert.Single(_harness.Engine.Errors);
        Assert.Equal(("ACTR5004", 2), (error.Code, error.LineNumber));
        Assert.Contains("unknown instruction: FOO", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_that_names_no_line_is_the_bridge_diagnostic_ACTR5001_on_the_Dockerfile()
    {
        _harness.Runtime.BuildOutput = ["Error: no space left on device"];
        _harness.Runtime.BuildError = BuildFailed();
        _harness.Check();

        Assert.False(_harness.Build());

        var error = Assert.Single(_harness.Engine.Errors);
        Assert.Equal(("ACTR5001", _harness.Dockerfile, 0), (error.Code, error.File, error.LineNumber));
        Assert.Contains("exit code 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unavailable_builder_is_the_bridge_diagnostic_ACTR1004_with_its_remedy()
    {
        _harness.Runtime.BuildError = new BridgeException(BridgeErrorCode.BuilderUnavailable, "The builder is not running.");
        _harness.Check();

        Assert.False(_harness.Build());

        var error = Assert.Single(_harness.Engine.Errors);
        Assert.Equal("ACTR1004", error.Code);
        Assert.Contains("container builder start", error.Message, StringComparison.Ordinal);
    }
}
